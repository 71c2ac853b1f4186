package vn.trean.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;

/** The user's own account: password change and second-factor enrolment. */
@Controller
class AccountController {

	private static final String PENDING_SECRET = "identity.pendingTotpSecret";

	private final Accounts accounts;

	private final SecondFactor secondFactor;

	private final LoginSteps steps;

	private final UserAccountRepository repository;

	private final SecondFactorRepository credentials;

	private final IdentitySettings settings;

	AccountController(Accounts accounts, SecondFactor secondFactor, LoginSteps steps, UserAccountRepository repository,
			SecondFactorRepository credentials, IdentitySettings settings) {
		this.accounts = accounts;
		this.secondFactor = secondFactor;
		this.steps = steps;
		this.repository = repository;
		this.credentials = credentials;
		this.settings = settings;
	}

	/** The password-change form. */
	record PasswordChangeForm(
			@NotBlank @PlainText(max = PasswordPolicy.MAX_LENGTH, markup = true) String currentPassword,
			@NotBlank @PlainText(max = PasswordPolicy.MAX_LENGTH, markup = true) String newPassword,
			String confirmPassword) {

		boolean confirmed() {
			return newPassword.equals(confirmPassword);
		}

	}

	@GetMapping("/account")
	String account(CurrentUser me, Model model) {
		UserAccount account = repository.find(me.id()).orElseThrow();
		model.addAttribute("enrolled", account.secondFactorEnrolled());
		model.addAttribute("recoveryCodesLeft", credentials.unusedRecoveryCodes(me.id()));
		return "identity/account";
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "identity/password";
	}

	// no permission: the user's own account, reached after the password step
	// (SecurityConfiguration)
	@Requires({})
	@PostMapping("/account/password")
	String changePassword(Actor actor, @Valid PasswordChangeForm form, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (!form.confirmed()) {
			throw new AccountRejected("confirmPassword", "password.confirm-mismatch");
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		accounts.changeOwnPassword(actor, LoginSteps.principal(auth).userId(), form.currentPassword(),
				form.newPassword());
		if (!LoginSteps.has(auth, SignInPrincipal.LOGIN_COMPLETE)) {
			steps.proceed(request, response, auth);
			return null;
		}
		return "redirect:/account?passwordChanged";
	}

	@GetMapping("/account/second-factor/enrol")
	String enrolForm(HttpSession session, Model model) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		UserAccount account = repository.find(LoginSteps.principal(auth).userId()).orElseThrow();
		if (account.secondFactorEnrolled()) {
			return "redirect:/account";
		}
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
		}
		showEnrolment(model, account, secret);
		return "identity/enrol";
	}

	// no permission: the user's own account, reached after the password step
	// (SecurityConfiguration)
	@Requires({})
	@PostMapping("/account/second-factor/enrol")
	String enrol(Actor actor, @RequestParam(defaultValue = "") String code, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		UserAccount account = repository.find(LoginSteps.principal(auth).userId()).orElseThrow();
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (account.secondFactorEnrolled() || secret == null) {
			return "redirect:/account/second-factor/enrol";
		}
		List<String> codes = secondFactor.enrol(account.id(), secret, code.length() > 20 ? "" : code,
				actor.clientAddress());
		if (codes.isEmpty()) {
			model.addAttribute("error", "login.second-factor.wrong");
			model.addAttribute("errors", new FormErrors().reject("code", "login.second-factor.wrong"));
			showEnrolment(model, account, secret);
			response.setStatus(422);
			return "identity/enrol";
		}
		session.removeAttribute(PENDING_SECRET);
		steps.secondFactorPassed(auth, request, response);
		model.addAttribute("codes", codes);
		return "identity/recovery-codes";
	}

	private void showEnrolment(Model model, UserAccount account, String secret) {
		String uri = Totp.otpauthUri(settings.issuer(), account.username(), secret);
		model.addAttribute("qr", QrCode.svg(uri));
		model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
	}

}
