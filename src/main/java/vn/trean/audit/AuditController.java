package vn.trean.audit;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.identity.Requires;

/** The audit log page: latest entries, a check of the hash chain and its anchor. */
@Controller
class AuditController {

	private final AuditLog log;

	private final Authorization authorization;

	AuditController(AuditLog log, Authorization authorization) {
		this.log = log;
		this.authorization = authorization;
	}

	static final int PAGE_SIZE = 50;

	@GetMapping("/admin/audit")
	String show(CurrentUser me, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) Long before, Model model) {
		authorization.require(me, Action.VIEW_AUDIT_LOG, ResourceScope.at(me.jurisdiction()));
		var entries = log.latest(cut(actor), cut(action), before, PAGE_SIZE);
		model.addAttribute("entries", entries);
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("older", entries.size() == PAGE_SIZE ? entries.get(entries.size() - 1).id() : null);
		return "audit/log";
	}

	/**
	 * Verifies the log against the anchor pasted from the log output, or against the
	 * latest stored one when the field is empty.
	 */
	@Requires(Action.VIEW_AUDIT_LOG)
	@PostMapping("/admin/audit/verify")
	String verify(CurrentUser me, @RequestParam(required = false) String anchor, Model model,
			HttpServletResponse response) {
		authorization.require(me, Action.VIEW_AUDIT_LOG, ResourceScope.at(me.jurisdiction()));
		model.addAttribute("entries", log.latest(null, null, null, PAGE_SIZE));
		model.addAttribute("anchor", anchor == null ? null : cut(anchor, 2000));
		if (anchor == null || anchor.isBlank()) {
			model.addAttribute("verification", log.verify());
			return "audit/log";
		}
		try {
			model.addAttribute("verification", log.verify(AuditAnchor.parse(anchor)));
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("anchorError", true);
		}
		return "audit/log";
	}

	/** The anchor of the log as it is now, to keep outside the database. */
	@Requires(Action.VIEW_AUDIT_LOG)
	@GetMapping("/admin/audit/anchor")
	ResponseEntity<String> anchor(CurrentUser me) {
		authorization.require(me, Action.VIEW_AUDIT_LOG, ResourceScope.at(me.jurisdiction()));
		AuditAnchor anchor = log.currentAnchor();
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_PLAIN)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("audit-anchor-" + anchor.takenAt().getEpochSecond() + ".txt", StandardCharsets.UTF_8)
						.build()
						.toString())
			.cacheControl(CacheControl.noStore())
			.body("AUDIT-ANCHOR " + anchor.takenAt() + " entries=" + anchor.entries() + " anchor=" + anchor.word()
					+ "\n");
	}

	private static String cut(String text) {
		return cut(text, 100);
	}

	private static String cut(String text, int max) {
		return text == null ? null : text.substring(0, Math.min(max, text.length()));
	}

}
