package vn.trean.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.geography.Geography;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;

/** Administration of API tokens for other systems. */
@Controller
class ApiTokenController {

	private final ApiTokens tokens;

	private final Authorization authorization;

	private final AgencyLookup agencies;

	private final Geography geography;

	ApiTokenController(ApiTokens tokens, Authorization authorization, AgencyLookup agencies, Geography geography) {
		this.tokens = tokens;
		this.authorization = authorization;
		this.agencies = agencies;
		this.geography = geography;
	}

	/** The new-token form. */
	record TokenForm(String name, Long agency, List<ApiPermission> permissions) {
	}

	@GetMapping("/admin/api-tokens")
	String list(CurrentUser me, Model model) {
		authorization.requireSomewhere(me, Action.MANAGE_API_TOKENS);
		return page(me, model, new TokenForm("", null, List.of()), new FormErrors());
	}

	@Requires(Action.MANAGE_API_TOKENS)
	@PostMapping("/admin/api-tokens")
	String issue(CurrentUser me, TokenForm form, BindingResult conversion, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		authorization.requireSomewhere(me, Action.MANAGE_API_TOKENS);
		FormErrors errors = new FormErrors().checkText("name", form.name(), true, 100);
		if (form.agency() == null) {
			errors.reject("agency", "validation.required");
		}
		if (form.permissions() != null && form.permissions().stream().anyMatch(Objects::isNull)) {
			// a blank choice (permissions=) is bound as no permission at all
			errors.reject("permissions", "validation.invalid");
		}
		else if (form.permissions() == null || form.permissions().isEmpty()) {
			errors.reject("permissions", "token.permissions.required");
		}
		if (!errors.hasErrors()) {
			try {
				var issued = tokens.issue(me, form.name(), new AgencyId(form.agency()),
						EnumSet.copyOf(form.permissions()), request.getRemoteAddr());
				model.addAttribute("issued", issued);
				return page(me, model, new TokenForm("", null, List.of()), new FormErrors());
			}
			catch (AccountRejected ex) {
				errors.reject(ex.field(), ex.messageKey());
			}
		}
		response.setStatus(422);
		return page(me, model, form, errors);
	}

	@Requires(Action.MANAGE_API_TOKENS)
	@PostMapping("/admin/api-tokens/{id}/revoke")
	String revoke(CurrentUser me, @PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		tokens.revoke(me, id, request.getRemoteAddr());
		redirect.addFlashAttribute("message", "tokens.revoked");
		return "redirect:/admin/api-tokens";
	}

	private String page(CurrentUser me, Model model, TokenForm form, FormErrors errors) {
		model.addAttribute("tokens", tokens.visibleTo(me));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("agencies", agencies.locatedIn(geography.unitsWithin(me.jurisdiction())));
		model.addAttribute("allPermissions", ApiPermission.values());
		return "identity/api-tokens";
	}

}
