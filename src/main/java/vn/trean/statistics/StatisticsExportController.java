package vn.trean.statistics;

import java.nio.charset.StandardCharsets;
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

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Requires;

/**
 * The export of a statistics table: the form ({@code GET /statistics/exports}), the
 * request (a refused one is shown again on the form with its errors), the job's page that
 * polls its status every second with htmx while it runs, and the download.
 */
@Controller
class StatisticsExportController {

	private final StatisticsExports exports;

	StatisticsExportController(StatisticsExports exports) {
		this.exports = exports;
	}

	@Requires(Action.VIEW_STATISTICS)
	@GetMapping("/statistics/exports")
	String form(Model model) {
		model.addAttribute("tables", TableKind.values());
		model.addAttribute("formats", StatisticsExport.Format.values());
		return "statistics/exports";
	}

	@Requires(Action.VIEW_STATISTICS)
	@PostMapping("/statistics/exports")
	String request(Actor actor, @Valid StatisticsExports.Request form) {
		return "redirect:/statistics/exports/" + exports.request(actor, form).id();
	}

	@Requires(Action.VIEW_STATISTICS)
	@GetMapping("/statistics/exports/{id}")
	String status(CurrentUser me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model) {
		model.addAttribute("job", exports.status(me, id));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return htmx == null ? "statistics/export" : "statistics/export :: status";
	}

	@Requires(Action.VIEW_STATISTICS)
	@GetMapping("/statistics/exports/{id}/file")
	ResponseEntity<byte[]> file(Actor actor, @PathVariable UUID id) {
		StatisticsExports.File file = exports.download(actor, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

}
