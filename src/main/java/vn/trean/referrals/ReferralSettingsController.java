package vn.trean.referrals;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.Sector;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.shared.ShownAgainAt;

/**
 * The referral settings pages: the service catalogue (a list, and a form per service) and
 * the field sets (a sector-by-field overview, and per sector a form with a preview of
 * what its agencies would see of a sample referral). A refused change shows the form
 * again as typed; a preview shows the ticked set without saving it.
 */
@Controller
class ReferralSettingsController {

	private static final List<ShareField> SET_FIELDS = java.util.Arrays.stream(ShareField.values())
		.filter(field -> field != ShareField.REPORTER_IDENTITY)
		.toList();

	private final ReferralSettings settings;

	ReferralSettingsController(ReferralSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/referrals/settings/services")
	String services(Actor actor, Model model) {
		settings.requireMayManage(actor);
		model.addAttribute("catalogue", settings.catalogue());
		model.addAttribute("asSeeded", settings.servicesAsSeeded());
		return "referrals/settings-services";
	}

	@GetMapping("/referrals/settings/services/{service}")
	String service(Actor actor, @PathVariable ReferralService service, Model model) {
		settings.requireMayManage(actor);
		Catalogue catalogue = settings.catalogue();
		ServiceRule rule = catalogue.of(service);
		model.addAttribute("service", service);
		model.addAttribute("forwarding", catalogue.forwarding());
		model.addAttribute("form",
				model.getAttribute("submitted") instanceof ServiceChange typed ? typed
						: new ServiceChange(rule.purpose(), rule.sectors(), rule.response().amount(),
								rule.response().unit(), rule.completion().amount(), rule.completion().unit(),
								rule.active()));
		model.addAttribute("asSeeded", settings.servicesAsSeeded().contains(service));
		model.addAttribute("sectors", FieldSets.RECEIVING);
		model.addAttribute("purposes", SharingPurpose.values());
		model.addAttribute("units", DeadlineRules.Unit.values());
		return "referrals/settings-service";
	}

	@Requires(Action.MANAGE_REFERRAL_SETTINGS)
	@PostMapping("/referrals/settings/services")
	@ShownAgainAt("/referrals/settings/services/{service}")
	String changeService(Actor actor, @RequestParam ReferralService service, @Valid ServiceChange change,
			RedirectAttributes redirect) {
		settings.changeService(actor, service, change);
		redirect.addFlashAttribute("message", "referral.settings.service-saved");
		return "redirect:/referrals/settings/services";
	}

	@GetMapping("/referrals/settings/fields")
	String fieldSets(Actor actor, Model model) {
		settings.requireMayManage(actor);
		model.addAttribute("sets", settings.fieldSets());
		model.addAttribute("sectors", FieldSets.RECEIVING);
		model.addAttribute("fields", SET_FIELDS);
		model.addAttribute("asSeeded", settings.fieldSetsAsSeeded());
		return "referrals/settings-fields";
	}

	@GetMapping("/referrals/settings/fields/{sector}")
	String fieldSet(Actor actor, @PathVariable Sector sector, Model model) {
		settings.requireMayManage(actor);
		FieldSets sets = settings.fieldSets();
		FieldSetChange shown = model.getAttribute("submitted") instanceof FieldSetChange typed ? typed
				: new FieldSetChange(sets.of(sector), sets.reporterAllowed(sector));
		return fieldSetPage(sector, shown, false, model);
	}

	@Requires(Action.MANAGE_REFERRAL_SETTINGS)
	@PostMapping("/referrals/settings/fields")
	@ShownAgainAt("/referrals/settings/fields/{sector}")
	String changeFieldSet(Actor actor, @RequestParam Sector sector, @Valid FieldSetChange change,
			RedirectAttributes redirect) {
		settings.changeFieldSet(actor, sector, change.ticked(), change.reporterAllowed());
		redirect.addFlashAttribute("message", "referral.settings.fields-saved");
		return "redirect:/referrals/settings/fields/" + sector;
	}

	/** Shows the ticked set in the preview, saving nothing. */
	@Requires(Action.MANAGE_REFERRAL_SETTINGS)
	@PostMapping("/referrals/settings/fields/preview")
	@ShownAgainAt("/referrals/settings/fields/{sector}")
	String previewFieldSet(Actor actor, @RequestParam Sector sector, @Valid FieldSetChange change, Model model) {
		settings.requireMayManage(actor);
		InvalidReferralSetting.check(ReferralSettings.checkFieldSet(sector, change.ticked()));
		return fieldSetPage(sector, change, true, model);
	}

	private String fieldSetPage(Sector sector, FieldSetChange shown, boolean unsaved, Model model) {
		if (!FieldSets.RECEIVING.contains(sector)) {
			throw new UnknownReceivingSector(sector);
		}
		Set<ShareField> ticked = shown.ticked();
		model.addAttribute("sector", sector);
		model.addAttribute("fields", SET_FIELDS);
		model.addAttribute("ticked", ticked);
		model.addAttribute("reporter", shown.reporterAllowed());
		model.addAttribute("preview", ticked.stream().filter(field -> field != ShareField.REPORTER_IDENTITY).toList());
		model.addAttribute("unsaved", unsaved);
		model.addAttribute("asSeeded", settings.fieldSetsAsSeeded().contains(sector));
		return "referrals/settings-field-set";
	}

}
