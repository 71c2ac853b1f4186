package vn.trean.plans;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Action;
import vn.trean.identity.Requires;
import vn.trean.shared.ShownAgainAt;

/**
 * Exports of the progress report. The progress page's form posts the request; htmx gets
 * the status fragment at once, a browser without JavaScript is redirected to the status
 * page. The fragment polls every second while the job runs (htmx) and offers the download
 * when it is done. A refused request answers 422 with the translated reason on the
 * progress page, or, for htmx, its alert alone, which htmx swaps in too (the layout's
 * {@code htmx-config} lets 422 answers through). The file is written in the language the
 * user reads the pages in.
 */
@Controller
class PlanExportController {

	private final PlanExports exports;

	PlanExportController(PlanExports exports) {
		this.exports = exports;
	}

	@Requires(Action.VIEW_STATISTICS)
	@PostMapping("/plans/{id}/exports")
	@ShownAgainAt("/plans/{id}/progress")
	String request(Actor actor, @PathVariable PlanId id, @Valid PlanExports.Request form,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		PlanExport job = exports.request(actor, id, form);
		if (htmx == null) {
			return "redirect:/plans/" + id + "/exports/" + job.id();
		}
		model.addAttribute("planId", id);
		model.addAttribute("job", job);
		return "plans/export :: status";
	}

	@GetMapping("/plans/{id}/exports/{jobId}")
	String status(CurrentUser me, @PathVariable PlanId id, @PathVariable UUID jobId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model) {
		model.addAttribute("planId", id);
		model.addAttribute("job", exports.status(me, id, jobId));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return htmx == null ? "plans/export" : "plans/export :: status";
	}

	@GetMapping("/plans/{id}/exports/{jobId}/file")
	ResponseEntity<byte[]> file(Actor actor, @PathVariable PlanId id, @PathVariable UUID jobId) {
		PlanExports.File file = exports.download(actor, id, jobId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.name(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

}
