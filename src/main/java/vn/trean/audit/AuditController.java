package vn.trean.audit;

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

/** The audit log page: latest entries and a check of the hash chain. */
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

	@Requires(Action.VIEW_AUDIT_LOG)
	@PostMapping("/admin/audit/verify")
	String verify(CurrentUser me, Model model) {
		authorization.require(me, Action.VIEW_AUDIT_LOG, ResourceScope.at(me.jurisdiction()));
		model.addAttribute("verification", log.verify());
		model.addAttribute("entries", log.latest(null, null, null, PAGE_SIZE));
		return "audit/log";
	}

	private static String cut(String text) {
		return text == null ? null : text.substring(0, Math.min(100, text.length()));
	}

}
