package vn.trean.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.groups.Default;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;
import vn.trean.shared.PlainText;
import vn.trean.shared.ShownAgainAt;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Verdict;

/** Administration of user accounts, limited to the administrator's jurisdiction. */
@Controller
class UserAdminController {

	static final int PAGE_SIZE = 50;

	private final AccountAdministration accounts;

	private final Authorization authorization;

	private final Geography geography;

	private final AgencyLookup agencies;

	UserAdminController(AccountAdministration accounts, Authorization authorization, Geography geography,
			AgencyLookup agencies) {
		this.accounts = accounts;
		this.authorization = authorization;
		this.geography = geography;
		this.agencies = agencies;
	}

	/**
	 * The account form as submitted. The username and the initial password are entered
	 * only when the account is created ({@link Creating}); the username never changes.
	 */
	record AccountForm(@NotBlank(groups = Creating.class) @PlainText(max = 64, markup = true) String username,
			@NotBlank @PlainText(max = 200, markup = true) String displayName,
			@PlainText(max = 254, markup = true) @Pattern(regexp = "\\s*|[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
					message = "validation.email") String email,
			@NotNull UnitId jurisdiction, AgencyId agency,
			@NotEmpty(message = "account.roles.required") @NoBlankChoice List<Role> roles, Boolean enabled,
			@NotBlank(groups = Creating.class) @PlainText(max = PasswordPolicy.MAX_LENGTH,
					markup = true) String password) {

		/** The checks of a new account only. */
		interface Creating {

		}

		Set<Role> roleSet() {
			EnumSet<Role> set = EnumSet.noneOf(Role.class);
			if (roles != null) {
				roles.stream().filter(Objects::nonNull).forEach(set::add);
			}
			return set;
		}

		Accounts.AccountDetails details() {
			return new Accounts.AccountDetails(username, displayName, email, jurisdiction, agency, roleSet(),
					enabled == null || enabled);
		}

		/** The form to show again: never the password typed. */
		AccountForm shown(String storedUsername) {
			return new AccountForm(storedUsername == null ? username : storedUsername, displayName, email, jurisdiction,
					agency, roles, enabled, null);
		}

		static AccountForm of(Accounts.AccountSummary a) {
			return new AccountForm(a.username(), a.displayName(), a.email(), a.jurisdiction(), a.agency(),
					List.copyOf(a.roles()), a.enabled(), null);
		}

	}

	@GetMapping("/admin/users")
	String list(CurrentUser me, @RequestParam(defaultValue = "0") int page, Model model) {
		authorization.requireSomewhere(me, Action.MANAGE_USERS);
		model.addAttribute("users", accounts.visibleTo(me, Math.min(page, 10_000), PAGE_SIZE));
		model.addAttribute("unitNames", unitNames(me));
		return "identity/users";
	}

	@GetMapping("/admin/users/new")
	String newForm(CurrentUser me, Model model) {
		authorization.requireSomewhere(me, Action.MANAGE_USERS);
		AccountForm blank = new AccountForm("", "", "", me.jurisdiction(), null, List.of(), true, null);
		return form(me, model, model.getAttribute("submitted") instanceof AccountForm typed ? typed.shown(null) : blank,
				null);
	}

	@Requires(Action.MANAGE_USERS)
	@PostMapping("/admin/users")
	@ShownAgainAt("/admin/users/new")
	String create(Actor actor, @Validated({ Default.class, AccountForm.Creating.class }) AccountForm form,
			RedirectAttributes redirect) {
		authorization.requireSomewhere(actor.signedIn(), Action.MANAGE_USERS);
		long id = accounts.create(actor, form.details(), form.password());
		redirect.addFlashAttribute("message", "users.created");
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/admin/users/{id}")
	String edit(CurrentUser me, @PathVariable long id, Model model) {
		Accounts.AccountSummary account = accounts.get(me, id);
		AccountForm shown = model.getAttribute("submitted") instanceof AccountForm typed
				? typed.shown(account.username()) : AccountForm.of(account);
		return form(me, model, shown, account);
	}

	@Requires(Action.MANAGE_USERS)
	@PostMapping("/admin/users/{id}")
	String update(Actor actor, @PathVariable long id, @Valid AccountForm form, RedirectAttributes redirect) {
		accounts.update(actor, id, form.details());
		redirect.addFlashAttribute("message", "users.saved");
		return "redirect:/admin/users/" + id;
	}

	@Requires(Action.MANAGE_USERS)
	@PostMapping("/admin/users/{id}/unlock")
	String unlock(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		accounts.unlock(actor, id);
		redirect.addFlashAttribute("message", "users.unlocked");
		return "redirect:/admin/users/" + id;
	}

	/**
	 * Resets the second factor with a temporary password; a password the policy refuses
	 * is shown on the account's page after the redirect, by the form's password field, as
	 * the buttons sit beside the account form.
	 */
	@Requires(Action.RESET_SECOND_FACTOR)
	@PostMapping("/admin/users/{id}/second-factor/reset")
	String resetSecondFactor(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String password,
			RedirectAttributes redirect) {
		Verdict<Void> policy = accounts.checkNewPassword(actor.signedIn(), Action.RESET_SECOND_FACTOR, id, password);
		if (policy.allowed()) {
			accounts.resetSecondFactor(actor, id, password);
		}
		return afterReset(id, policy, "users.second-factor-reset", "reset-password", redirect);
	}

	/** Sets a new password; refused as {@link #resetSecondFactor} is. */
	@Requires(Action.MANAGE_USERS)
	@PostMapping("/admin/users/{id}/password")
	String resetPassword(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String password,
			RedirectAttributes redirect) {
		Verdict<Void> policy = accounts.checkNewPassword(actor.signedIn(), Action.MANAGE_USERS, id, password);
		if (policy.allowed()) {
			accounts.resetPassword(actor, id, password);
		}
		return afterReset(id, policy, "users.password-reset", "new-password", redirect);
	}

	/**
	 * The account's page again: saying what was done, or with the refusal on the password
	 * field of the form that sent it ({@code field}), which the error summary leads to.
	 */
	private static String afterReset(long id, Verdict<Void> policy, String done, String field,
			RedirectAttributes redirect) {
		if (policy.allowed()) {
			redirect.addFlashAttribute("message", done);
		}
		else {
			redirect.addFlashAttribute("errors", new FormErrors().reject(field, policy.reason()));
		}
		return "redirect:/admin/users/" + id;
	}

	private String form(CurrentUser me, Model model, AccountForm form, Accounts.AccountSummary account) {
		model.addAttribute("form", form);
		model.addAttribute("account", account);
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("units", geography.currentUnitsWithin(me.jurisdiction()));
		model.addAttribute("agencies", agencies.locatedIn(geography.unitsWithin(me.jurisdiction())));
		return "identity/user-form";
	}

	private Map<UnitId, String> unitNames(CurrentUser me) {
		Map<UnitId, String> names = new java.util.HashMap<>();
		geography.currentUnitsWithin(me.jurisdiction()).forEach(u -> names.put(u.id(), u.fullName()));
		return names;
	}

}
