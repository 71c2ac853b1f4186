package vn.trean.audit;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import vn.trean.identity.Requires;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.ShownAgainAt;

/** The audit log page: latest entries, a check of the hash chain and its anchor. */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditLog log;

	private final Authorization authorization;

	AuditController(AuditLog log, Authorization authorization) {
		this.log = log;
		this.authorization = authorization;
	}

	/**
	 * The anchor to verify against, as pasted from the log output; none when the field is
	 * empty. What is not an anchor cannot be bound and is refused next to the field.
	 */
	record VerifyRequest(AuditAnchor anchor) {
	}

	@GetMapping("/admin/audit")
	String show(CurrentUser me, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page, Model model) {
		authorization.require(me, Action.VIEW_AUDIT_LOG, ResourceScope.at(me.jurisdiction()));
		model.addAttribute("entries", log.latest(cut(actor), cut(action), Math.min(page, 100_000), PAGE_SIZE));
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		return "audit/log";
	}

	/**
	 * Verifies the log against the anchor pasted from the log output, or against the
	 * latest stored one when the field is empty.
	 */
	@Requires(Action.VIEW_AUDIT_LOG)
	@PostMapping("/admin/audit/verify")
	@ShownAgainAt("/admin/audit")
	String verify(CurrentUser me, @Valid VerifyRequest request, Model model) {
		authorization.require(me, Action.VIEW_AUDIT_LOG, ResourceScope.at(me.jurisdiction()));
		model.addAttribute("entries", log.latest(null, null, 0, PAGE_SIZE));
		model.addAttribute("anchor", request.anchor() == null ? null : request.anchor().word());
		model.addAttribute("verification", request.anchor() == null ? log.verify() : log.verify(request.anchor()));
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
		return text == null ? null : text.substring(0, Math.min(100, text.length()));
	}

}
