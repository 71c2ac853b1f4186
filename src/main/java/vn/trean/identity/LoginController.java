package vn.trean.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trean.shared.FormErrors;

/** The sign-in pages: password, then the second factor. */
@Controller
class LoginController {

	private final LoginSteps steps;

	private final SecondFactor secondFactor;

	private final LoginAttempts attempts;

	private final SignInThrottle throttle;

	private final IdentitySettings settings;

	LoginController(LoginSteps steps, SecondFactor secondFactor, LoginAttempts attempts, SignInThrottle throttle,
			IdentitySettings settings) {
		this.steps = steps;
		this.secondFactor = secondFactor;
		this.attempts = attempts;
		this.throttle = throttle;
		this.settings = settings;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			Model model) {
		if (error != null) {
			model.addAttribute("error", switch (error) {
				case "locked" -> "login.error.locked";
				case "wait" -> "login.error.wait";
				default -> "login.error.credentials";
			});
			// the page's own message says no more than this; as a refusal it also heads
			// the error summary and the title
			model.addAttribute("refusal", model.getAttribute("error"));
			model.addAttribute("maxFailures", settings.maxFailedAttempts());
			model.addAttribute("lockoutMinutes", settings.lockout().toMinutes());
		}
		model.addAttribute("loggedOut", logout != null);
		return "identity/login";
	}

	@GetMapping("/login/second-factor")
	String secondFactorForm(Model model) {
		addDemoHint(model);
		return "identity/second-factor";
	}

	// no permission: a sign-in step
	@Requires({})
	@PostMapping("/login/second-factor")
	String checkSecondFactor(Actor actor, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		SignInPrincipal principal = LoginSteps.principal(auth);
		if (throttle.waitFor(actor.clientAddress()).isPresent()) {
			model.addAttribute("error", "login.error.wait");
			addDemoHint(model);
			response.setStatus(429);
			return "identity/second-factor";
		}
		SecondFactor.Outcome outcome = attempts.checkSecondFactor(principal.userId(), code.length() > 20 ? "" : code,
				actor.clientAddress());
		if (outcome == SecondFactor.Outcome.ACCEPTED) {
			steps.proceed(request, response, steps.secondFactorPassed(auth, request, response));
			return null;
		}
		if (outcome == SecondFactor.Outcome.LOCKED) {
			LoginSteps.signOut(request, response, auth, "locked");
			return null;
		}
		String wrong = outcome == SecondFactor.Outcome.REPLAYED ? "login.second-factor.replayed"
				: "login.second-factor.wrong";
		model.addAttribute("error", wrong);
		FormErrors errors = new FormErrors();
		errors.reject("code", wrong);
		model.addAttribute("errors", errors);
		addDemoHint(model);
		response.setStatus(422);
		return "identity/second-factor";
	}

	@GetMapping("/login/continue")
	void proceed(HttpServletRequest request, HttpServletResponse response) throws IOException {
		steps.proceed(request, response, SecurityContextHolder.getContext().getAuthentication());
	}

	private void addDemoHint(Model model) {
		if (settings.demoHints()) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			model.addAttribute("demoCode", secondFactor.currentDemoCode(LoginSteps.principal(auth).userId()));
		}
	}

}
