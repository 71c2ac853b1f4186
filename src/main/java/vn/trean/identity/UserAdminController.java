package vn.trean.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;

/** Administration of user accounts, limited to the administrator's jurisdiction. */
@Controller
class UserAdminController {

	private final Accounts accounts;

	private final Authorization authorization;

	private final Geography geography;

	private final AgencyLookup agencies;

	UserAdminController(Accounts accounts, Authorization authorization, Geography geography, AgencyLookup agencies) {
		this.accounts = accounts;
		this.authorization = authorization;
		this.geography = geography;
		this.agencies = agencies;
	}

	/** The account form as submitted. */
	record AccountForm(String username, String displayName, String email, Long jurisdiction, Long agency,
			List<Role> roles, Boolean enabled, String password) {

		Set<Role> roleSet() {
			EnumSet<Role> set = EnumSet.noneOf(Role.class);
			if (roles != null) {
				roles.stream().filter(Objects::nonNull).forEach(set::add);
			}
			return set;
		}

		/**
		 * A blank choice ({@code roles=}) is bound as no role at all: refused, not
		 * dropped.
		 */
		boolean blankRole() {
			return roles != null && roles.stream().anyMatch(Objects::isNull);
		}

		Accounts.AccountDetails details() {
			return new Accounts.AccountDetails(username, displayName, email,
					jurisdiction == null ? null : new UnitId(jurisdiction),
					agency == null ? null : new AgencyId(agency), roleSet(), enabled == null || enabled);
		}

		static AccountForm of(Accounts.AccountSummary a) {
			return new AccountForm(a.username(), a.displayName(), a.email(), a.jurisdiction().value(),
					a.agency() == null ? null : a.agency().value(), List.copyOf(a.roles()), a.enabled(), null);
		}

	}

	static final int PAGE_SIZE = 50;

	@GetMapping("/admin/users")
	String list(CurrentUser me, @RequestParam(defaultValue = "0") int page, Model model) {
		authorization.requireSomewhere(me, Action.MANAGE_USERS);
		int current = Math.max(0, Math.min(page, 10_000));
		var users = accounts.visibleTo(me, current * PAGE_SIZE, PAGE_SIZE + 1);
		model.addAttribute("users", users.subList(0, Math.min(PAGE_SIZE, users.size())));
		model.addAttribute("page", current);
		model.addAttribute("hasNext", users.size() > PAGE_SIZE);
		model.addAttribute("unitNames", unitNames(me));
		return "identity/users";
	}

	@GetMapping("/admin/users/new")
	String newForm(CurrentUser me, Model model) {
		authorization.requireSomewhere(me, Action.MANAGE_USERS);
		return form(me, model, new AccountForm("", "", "", me.jurisdiction().value(), null, List.of(), true, ""),
				new FormErrors(), null);
	}

	@Requires(Action.MANAGE_USERS)
	@PostMapping("/admin/users")
	String create(CurrentUser me, AccountForm form, BindingResult conversion, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		authorization.requireSomewhere(me, Action.MANAGE_USERS);
		FormErrors errors = validate(form, true);
		if (!errors.hasErrors()) {
			try {
				long id = accounts.create(me, form.details(), form.password(), request.getRemoteAddr());
				redirect.addFlashAttribute("message", "users.created");
				return "redirect:/admin/users/" + id;
			}
			catch (AccountRejected ex) {
				errors.reject(ex.field(), ex.messageKey());
			}
		}
		response.setStatus(422);
		return form(me, model, form, errors, null);
	}

	@GetMapping("/admin/users/{id}")
	String edit(CurrentUser me, @PathVariable long id, Model model) {
		Accounts.AccountSummary account = accounts.get(me, id);
		return form(me, model, AccountForm.of(account), new FormErrors(), account);
	}

	@Requires(Action.MANAGE_USERS)
	@PostMapping("/admin/users/{id}")
	String update(CurrentUser me, @PathVariable long id, AccountForm form, BindingResult conversion,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Accounts.AccountSummary account = accounts.get(me, id);
		FormErrors errors = validate(form, false);
		if (!errors.hasErrors()) {
			try {
				accounts.update(me, id, form.details(), request.getRemoteAddr());
				redirect.addFlashAttribute("message", "users.saved");
				return "redirect:/admin/users/" + id;
			}
			catch (AccountRejected ex) {
				errors.reject(ex.field(), ex.messageKey());
			}
		}
		response.setStatus(422);
		return form(me, model, new AccountForm(account.username(), form.displayName(), form.email(),
				form.jurisdiction(), form.agency(), form.roles(), form.enabled(), null), errors, account);
	}

	@Requires(Action.MANAGE_USERS)
	@PostMapping("/admin/users/{id}/unlock")
	String unlock(CurrentUser me, @PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		accounts.unlock(me, id, request.getRemoteAddr());
		redirect.addFlashAttribute("message", "users.unlocked");
		return "redirect:/admin/users/" + id;
	}

	@Requires(Action.RESET_SECOND_FACTOR)
	@PostMapping("/admin/users/{id}/second-factor/reset")
	String resetSecondFactor(CurrentUser me, @PathVariable long id, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, RedirectAttributes redirect) {
		return withNewPassword(id, redirect, "users.second-factor-reset",
				() -> accounts.resetSecondFactor(me, id, password, request.getRemoteAddr()));
	}

	@Requires(Action.MANAGE_USERS)
	@PostMapping("/admin/users/{id}/password")
	String resetPassword(CurrentUser me, @PathVariable long id, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, RedirectAttributes redirect) {
		return withNewPassword(id, redirect, "users.password-reset",
				() -> accounts.resetPassword(me, id, password, request.getRemoteAddr()));
	}

	/** A change that sets a new password: done, or refused by the password policy. */
	private static String withNewPassword(long id, RedirectAttributes redirect, String done, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (AccountRejected ex) {
			redirect.addFlashAttribute("passwordError", ex.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	private FormErrors validate(AccountForm form, boolean creating) {
		FormErrors errors = new FormErrors();
		if (creating) {
			errors.checkText("username", form.username(), true, 64);
			errors.checkText("password", form.password(), true, PasswordPolicy.MAX_LENGTH);
		}
		errors.checkText("displayName", form.displayName(), true, 200);
		errors.checkText("email", form.email(), false, 254);
		if (form.email() != null && !form.email().isBlank() && !form.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			errors.reject("email", "validation.email");
		}
		if (form.jurisdiction() == null) {
			errors.reject("jurisdiction", "validation.required");
		}
		if (form.blankRole()) {
			errors.reject("roles", "validation.invalid");
		}
		else if (form.roleSet().isEmpty()) {
			errors.reject("roles", "account.roles.required");
		}
		return errors;
	}

	private String form(CurrentUser me, Model model, AccountForm form, FormErrors errors,
			Accounts.AccountSummary account) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("account", account);
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("units", geography.currentUnitsWithin(me.jurisdiction()));
		model.addAttribute("agencies", agencies.locatedIn(geography.unitsWithin(me.jurisdiction())));
		return "identity/user-form";
	}

	private java.util.Map<UnitId, String> unitNames(CurrentUser me) {
		java.util.Map<UnitId, String> names = new java.util.HashMap<>();
		geography.currentUnitsWithin(me.jurisdiction()).forEach(u -> names.put(u.id(), u.fullName()));
		return names;
	}

}
