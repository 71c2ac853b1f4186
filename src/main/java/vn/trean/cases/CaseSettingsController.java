package vn.trean.cases;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.Requires;

/**
 * The deadline settings: the limits of the legal steps, and a form for each limit the law
 * does not fix. A refused change shows the page again with the limit as typed.
 */
@Controller
class CaseSettingsController {

	private final DeadlineSettings settings;

	private final Authorization authorization;

	CaseSettingsController(DeadlineSettings settings, Authorization authorization) {
		this.settings = settings;
		this.authorization = authorization;
	}

	@GetMapping("/cases/settings")
	String settings(Actor actor, Model model) {
		authorization.requireSomewhere(actor.signedIn(), Action.MANAGE_CASE_SETTINGS);
		model.addAttribute("rules", settings.current().rules());
		model.addAttribute("units", DeadlineRules.Unit.values());
		return "cases/settings";
	}

	@Requires(Action.MANAGE_CASE_SETTINGS)
	@PostMapping("/cases/settings")
	String change(Actor actor, @Valid DeadlineSettings.RuleChange change, RedirectAttributes redirect) {
		settings.change(actor, change);
		redirect.addFlashAttribute("message", "case.settings.saved");
		return "redirect:/cases/settings";
	}

}
