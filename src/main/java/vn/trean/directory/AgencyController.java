package vn.trean.directory;

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
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.identity.Requires;

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

	/** The agency form as submitted. */
	record AgencyForm(String name, Sector sector, Long unit, String address, String phone, String email,
			String contactPerson) {

		Directory.AgencyDetails details() {
			return new Directory.AgencyDetails(name, sector, unit == null ? null : new UnitId(unit), address, phone,
					email, contactPerson);
		}

		static AgencyForm of(Agency a) {
			return new AgencyForm(a.name(), a.sector(), a.unit().value(), a.address(), a.phone(), a.email(),
					a.contactPerson());
		}

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
	String show(CurrentUser me, @PathVariable long id, Model model) {
		Agency agency = directory.get(me, new AgencyId(id));
		model.addAttribute("agency", agency);
		model.addAttribute("unit", geography.get(agency.unit()));
		model.addAttribute("mayChange", directory.mayChange(me, agency));
		return "directory/agency";
	}

	@GetMapping("/directory/agencies/new")
	String newForm(CurrentUser me, Model model) {
		authorization.requireSomewhere(me, Action.MANAGE_AGENCIES);
		return form(me, model, new AgencyForm("", null, me.jurisdiction().value(), "", "", "", ""), new FormErrors(),
				null);
	}

	@Requires(Action.MANAGE_AGENCIES)
	@PostMapping("/directory/agencies")
	String register(CurrentUser me, AgencyForm form, BindingResult unconvertible, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		authorization.requireSomewhere(me, Action.MANAGE_AGENCIES);
		FormErrors errors = directory.check(form.details());
		if (errors.hasErrors()) {
			response.setStatus(422);
			return form(me, model, form, errors, null);
		}
		AgencyId id = directory.register(me, form.details(), request.getRemoteAddr());
		redirect.addFlashAttribute("message", "agencies.registered");
		return "redirect:/directory/agencies/" + id.value();
	}

	@GetMapping("/directory/agencies/{id}/edit")
	String editForm(CurrentUser me, @PathVariable long id, Model model) {
		Agency agency = directory.get(me, new AgencyId(id));
		if (!directory.mayChange(me, agency)) {
			authorization.require(me, Action.MANAGE_AGENCIES,
					vn.trean.identity.ResourceScope.at(agency.unit()).ownedBy(agency.id()));
		}
		return form(me, model, AgencyForm.of(agency), new FormErrors(), agency);
	}

	@Requires(Action.MANAGE_AGENCIES)
	@PostMapping("/directory/agencies/{id}")
	String change(CurrentUser me, @PathVariable long id, AgencyForm form, BindingResult unconvertible,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Agency agency = directory.get(me, new AgencyId(id));
		authorization.require(me, Action.MANAGE_AGENCIES,
				vn.trean.identity.ResourceScope.at(agency.unit()).ownedBy(agency.id()));
		FormErrors errors = directory.check(form.details());
		if (errors.hasErrors()) {
			response.setStatus(422);
			return form(me, model, form, errors, agency);
		}
		directory.change(me, agency.id(), form.details(), request.getRemoteAddr());
		redirect.addFlashAttribute("message", "agencies.saved");
		return "redirect:/directory/agencies/" + id;
	}

	private String form(CurrentUser me, Model model, AgencyForm form, FormErrors errors, Agency agency) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("agency", agency);
		model.addAttribute("sectors", Sector.values());
		model.addAttribute("units", geography.currentUnitsWithin(me.jurisdiction()));
		return "directory/agency-form";
	}

}
