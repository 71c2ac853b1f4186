package vn.trean.identity;

import java.util.EnumSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.geography.Geography;
import vn.trean.shared.AgencyId;
import vn.trean.shared.PlainText;

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
	record TokenForm(@NotBlank @PlainText(max = 100, markup = true) String name, @NotNull AgencyId agency,
			@NotEmpty(message = "token.permissions.required") @NoBlankChoice List<ApiPermission> permissions) {

		static final TokenForm BLANK = new TokenForm("", null, List.of());

	}

	@GetMapping("/admin/api-tokens")
	String list(CurrentUser me, Model model) {
		authorization.requireSomewhere(me, Action.MANAGE_API_TOKENS);
		return page(me, model, model.getAttribute("submitted") instanceof TokenForm typed ? typed : TokenForm.BLANK);
	}

	/** Issues a token and shows it on the list page, this one time (no redirect). */
	@Requires(Action.MANAGE_API_TOKENS)
	@PostMapping("/admin/api-tokens")
	String issue(Actor actor, @Valid TokenForm form, Model model) {
		CurrentUser me = actor.signedIn();
		authorization.requireSomewhere(me, Action.MANAGE_API_TOKENS);
		model.addAttribute("issued",
				tokens.issue(actor, form.name(), form.agency(), EnumSet.copyOf(form.permissions())));
		return page(me, model, TokenForm.BLANK);
	}

	@Requires(Action.MANAGE_API_TOKENS)
	@PostMapping("/admin/api-tokens/{id}/revoke")
	String revoke(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(actor, id);
		redirect.addFlashAttribute("message", "tokens.revoked");
		return "redirect:/admin/api-tokens";
	}

	private String page(CurrentUser me, Model model, TokenForm form) {
		model.addAttribute("tokens", tokens.visibleTo(me));
		model.addAttribute("form", form);
		model.addAttribute("agencies", agencies.locatedIn(geography.unitsWithin(me.jurisdiction())));
		model.addAttribute("allPermissions", ApiPermission.values());
		return "identity/api-tokens";
	}

}
