package vn.trean.plans;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Action;
import vn.trean.identity.Requires;
import vn.trean.shared.FormErrors;

/**
 * The import page of a plan: templates to download and CSV files of targets or reference
 * denominators to upload. A refused file answers 422 with every problem by line and
 * column; an imported one redirects to the page with what it did.
 */
@Controller
class PlanImportController {

	private final PlanImports imports;

	private final ImportTemplates templates;

	PlanImportController(PlanImports imports, ImportTemplates templates) {
		this.imports = imports;
		this.templates = templates;
	}

	@GetMapping("/plans/{id}/import")
	String page(CurrentUser me, @PathVariable PlanId id, Model model) {
		model.addAttribute("view", imports.page(me, id));
		return "plans/import";
	}

	@GetMapping("/plans/{id}/import/{kind}.csv")
	ResponseEntity<byte[]> template(CurrentUser me, @PathVariable PlanId id, @PathVariable String kind,
			@RequestParam(required = false) String year, @RequestParam(required = false) String separator) {
		ImportTemplates.Template template = templates.template(me, id, kind(kind), year, "semicolon".equals(separator));
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
	String upload(Actor actor, @PathVariable PlanId id, @PathVariable String kind,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		ImportUpload upload = file == null ? ImportUpload.NONE
				: new ImportUpload(file.getOriginalFilename(), file.getContentType(), file.getSize(), file);
		redirect.addFlashAttribute("imported", imports.upload(actor, id, kind(kind), upload));
		return "redirect:/plans/" + id + "/import";
	}

	/**
	 * A refused file: the import page again with every problem by line and column, which
	 * the form errors of other pages cannot hold, in the page's own error summary.
	 */
	@ExceptionHandler(ImportRefused.class)
	String refused(ImportRefused refused, CurrentUser me, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		@SuppressWarnings("unchecked")
		Map<String, String> path = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return refusedPage(me, PlanId.valueOf(path.get("id")), kind(path.get("kind")), refused.problems(),
				refused.truncated(), model);
	}

	/**
	 * A file the server refused before reading it (too large, a name too long), shown
	 * again here by {@code shared/UploadRefusals} with the reason on the field
	 * {@code file}; without a refusal, the import page.
	 */
	@GetMapping("/plans/{id}/import/{kind}")
	String refusedUpload(CurrentUser me, @PathVariable PlanId id, @PathVariable String kind, Model model) {
		if (!(model.getAttribute("errors") instanceof FormErrors errors && errors.has("file"))) {
			return "redirect:/plans/" + id + "/import";
		}
		return refusedPage(me, id, kind(kind), List.of(ImportProblem.file(errors.get("file"), null)), false, model);
	}

	private String refusedPage(CurrentUser me, PlanId id, PlanImports.Kind kind, List<ImportProblem> problems,
			boolean truncated, Model model) {
		model.addAttribute("failed", kind.path());
		model.addAttribute("problems", problems);
		model.addAttribute("truncated", truncated);
		model.addAttribute("errorSummary", "plans/import :: problems");
		return page(me, id, model);
	}

	private static PlanImports.Kind kind(String path) {
		return PlanImports.Kind.named(path).orElseThrow(() -> new UnknownPlan("import of " + path));
	}

}
