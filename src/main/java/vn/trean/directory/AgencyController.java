package vn.trean.directory;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Requires;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.AgencyId;
import vn.trean.shared.PlainText;
import vn.trean.shared.ShownAgainAt;

/** The directory pages: list and search agencies, register and edit them. */
@Controller
class AgencyController {

	private final Directory directory;

	private final Authorization authorization;

	private final Geography geography;

	AgencyController(Directory directory, Authorization authorization, Geography geography) {
		this.directory = directory;
		this.authorization = authorization;
		this.geography = geography;
	}

	/**
	 * The agency form as submitted; the directory checks the unit against the geography.
	 */
	record AgencyForm(@NotBlank @PlainText(max = 200, markup = true) String name, @NotNull Sector sector,
			@NotNull UnitId unit, @PlainText(max = 300, markup = true) String address,
			@PlainText(max = 20, markup = true) @Pattern(regexp = "\\s*|\\s*\\+?[0-9 .()-]{3,20}\\s*",
					message = "validation.phone") String phone,
			@PlainText(max = 254, markup = true) @Pattern(regexp = "\\s*|\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*",
					message = "validation.email") String email,
			@PlainText(max = 200, markup = true) String contactPerson) {

		Directory.AgencyDetails details() {
			return new Directory.AgencyDetails(name, sector, unit, address, phone, email, contactPerson);
		}

		static AgencyForm of(Agency a) {
			return new AgencyForm(a.name(), a.sector(), a.unit(), a.address(), a.phone(), a.email(), a.contactPerson());
		}

	}

	/**
	 * A sector the list does not offer is no sector chosen: refused as required, as the
	 * blank choice is.
	 */
	@InitBinder("agencyForm")
	void offeredSectorsOnly(WebDataBinder binder) {
		binder.registerCustomEditor(Sector.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(Arrays.stream(Sector.values()).filter(s -> s.name().equals(text)).findFirst().orElse(null));
			}

		});
	}

	@GetMapping("/directory/agencies")
	String list(CurrentUser me, @RequestParam(required = false) Sector sector, @RequestParam(required = false) String q,
			Model model) {
		model.addAttribute("agencies",
				directory.search(me, sector, q == null ? null : q.substring(0, Math.min(q.length(), 100))));
		model.addAttribute("sectors", Sector.values());
		model.addAttribute("sector", sector);
		model.addAttribute("q", q);
		model.addAttribute("mayRegister", authorization.permitsSomewhere(me, Action.MANAGE_AGENCIES));
		return "directory/agencies";
	}

	@GetMapping("/directory/agencies/{id}")
	String show(CurrentUser me, @PathVariable AgencyId id, Model model) {
		Agency agency = directory.get(me, id);
		boolean mayChange = directory.mayChange(me, agency);
		Map<Long, String> members = directory.membersOf(id);
		Long head = directory.headOf(id).orElse(null);
		model.addAttribute("agency", agency);
		model.addAttribute("unit", geography.get(agency.unit()));
		model.addAttribute("mayChange", mayChange);
		model.addAttribute("head", head);
		model.addAttribute("headName", head == null ? null : members.getOrDefault(head, "#" + head));
		model.addAttribute("members", mayChange ? members : Map.of());
		return "directory/agency";
	}

	/**
	 * Names the agency's head among its accounts, or none; a refusal shows the agency
	 * page again with the error on the choice.
	 */
	@Requires(Action.MANAGE_AGENCIES)
	@PostMapping("/directory/agencies/{id}/head")
	@ShownAgainAt("/directory/agencies/{id}")
	String appointHead(Actor actor, @PathVariable AgencyId id, @Valid HeadForm form, RedirectAttributes redirect) {
		directory.appointHead(actor, id, form.head());
		redirect.addFlashAttribute("message", "agencies.head.saved");
		return "redirect:/directory/agencies/" + id;
	}

	/** The head chosen: an account's id, or none. */
	record HeadForm(Long head) {
	}

	@GetMapping("/directory/agencies/new")
	String newForm(CurrentUser me, Model model) {
		authorization.requireSomewhere(me, Action.MANAGE_AGENCIES);
		AgencyForm blank = new AgencyForm("", null, me.jurisdiction(), "", "", "", "");
		return form(me, model, model.getAttribute("submitted") instanceof AgencyForm typed ? typed : blank, null);
	}

	@Requires(Action.MANAGE_AGENCIES)
	@PostMapping("/directory/agencies")
	@ShownAgainAt("/directory/agencies/new")
	String register(Actor actor, @Valid AgencyForm form, RedirectAttributes redirect) {
		authorization.requireSomewhere(actor.signedIn(), Action.MANAGE_AGENCIES);
		AgencyId id = directory.register(actor, form.details());
		redirect.addFlashAttribute("message", "agencies.registered");
		return "redirect:/directory/agencies/" + id;
	}

	@GetMapping("/directory/agencies/{id}/edit")
	String editForm(CurrentUser me, @PathVariable AgencyId id, Model model) {
		Agency agency = directory.get(me, id);
		if (!directory.mayChange(me, agency)) {
			authorization.require(me, Action.MANAGE_AGENCIES, ResourceScope.at(agency.unit()).ownedBy(agency.id()));
		}
		AgencyForm shown = model.getAttribute("submitted") instanceof AgencyForm typed ? typed : AgencyForm.of(agency);
		return form(me, model, shown, agency);
	}

	@Requires(Action.MANAGE_AGENCIES)
	@PostMapping("/directory/agencies/{id}")
	@ShownAgainAt("/directory/agencies/{id}/edit")
	String change(Actor actor, @PathVariable AgencyId id, @Valid AgencyForm form, RedirectAttributes redirect) {
		directory.change(actor, id, form.details());
		redirect.addFlashAttribute("message", "agencies.saved");
		return "redirect:/directory/agencies/" + id;
	}

	private String form(CurrentUser me, Model model, AgencyForm form, Agency agency) {
		model.addAttribute("form", form);
		model.addAttribute("agency", agency);
		model.addAttribute("sectors", Sector.values());
		model.addAttribute("units", geography.currentUnitsWithin(me.jurisdiction()));
		return "directory/agency-form";
	}

}
