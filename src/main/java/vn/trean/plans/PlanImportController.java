package vn.trean.plans;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.CurrentUser;
import vn.trean.identity.Action;
import vn.trean.identity.Requires;

/**
 * The import page of a plan: templates to download and CSV files of targets or reference
 * denominators to upload. A refused file answers 422 with every problem by line and
 * column; an imported one redirects to the page with what it did.
 */
@Controller
class PlanImportController {

	private final PlanImports imports;

	PlanImportController(PlanImports imports) {
		this.imports = imports;
	}

	@GetMapping("/plans/{id}/import")
	String page(CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("view", imports.page(me, id));
		return "plans/import";
	}

	@GetMapping("/plans/{id}/import/{kind}.csv")
	ResponseEntity<byte[]> template(CurrentUser me, @PathVariable long id, @PathVariable String kind,
			@RequestParam(required = false) String year, @RequestParam(required = false) String separator) {
		PlanImports.Template template = imports.template(me, id, kind(kind), year, "semicolon".equals(separator));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(template.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(template.content());
	}

	@Requires(Action.MANAGE_ACTION_PLANS)
	@PostMapping("/plans/{id}/import/{kind}")
	String upload(CurrentUser me, @PathVariable long id, @PathVariable String kind,
			@RequestParam(required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		PlanImports.Kind what = kind(kind);
		PlanImports.Upload upload = file == null ? null
				: new PlanImports.Upload(file.getOriginalFilename(), file.getContentType(), file.getSize(), file);
		PlanImports.Summary summary;
		try {
			summary = imports.upload(me, id, what, upload, request.getRemoteAddr());
		}
		catch (ImportRefused ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("failed", what.path());
			model.addAttribute("problems", ex.problems());
			model.addAttribute("truncated", ex.truncated());
			return page(me, id, model);
		}
		redirect.addFlashAttribute("imported", summary);
		return "redirect:/plans/" + id + "/import";
	}

	private static PlanImports.Kind kind(String path) {
		return PlanImports.Kind.named(path).orElseThrow(() -> new UnknownPlan("import of " + path));
	}

}
