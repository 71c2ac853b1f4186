package vn.trean.intake;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trean.children.ChildRegistry;
import vn.trean.children.Sex;
import vn.trean.geography.UnitId;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.shared.FormErrors;
import vn.trean.identity.Requires;

/**
 * The public, anonymous report form (no sign-in): few fields, rate-limited per client
 * address. The reporter gets a reference code that shows only the status later.
 */
@Controller
class PublicReportController {

	/** The kinds of harm the public form offers, in plain words. */
	static final List<HarmForm> OFFERED_HARMS = List.of(HarmForm.VIOLENCE, HarmForm.SEXUAL_MOLESTATION,
			HarmForm.NEGLECT, HarmForm.ABANDONMENT, HarmForm.EXPLOITATION, HarmForm.TRAFFICKING, HarmForm.OTHER_HARM);

	private final Intake intake;

	private final PublicFormLimiter limiter;

	private final Geography geography;

	PublicReportController(Intake intake, PublicFormLimiter limiter, Geography geography) {
		this.intake = intake;
		this.limiter = limiter;
		this.geography = geography;
	}

	/** What the public form asks. */
	record PublicReportForm(String account, Long placeUnit, HarmForm harmForm, String childName, Integer childAge,
			Sex childSex, List<DangerSign> dangerSigns, String contactPhone) {

		ReportDraft draft() {
			boolean named = childName != null && !childName.isBlank();
			String text = account;
			if (!named && childAge != null && account != null) {
				// a child without a name cannot be registered; keep what the reporter
				// said of the age
				text = account + "\n\n[" + childAge + "]";
			}
			List<ReportDraft.ChildEntry> children = named ? List.of(new ReportDraft.ChildEntry(childName,
					childSex == null ? Sex.UNKNOWN : childSex, null, childAge, null, null, null, null, null, null))
					: List.of();
			boolean anonymous = contactPhone == null || contactPhone.isBlank();
			return new ReportDraft(Channel.ONLINE_FORM, anonymous, null, contactPhone, null, !anonymous, children,
					ContactType.HARM, harmForm == null ? List.of() : List.of(harmForm), null, null, false, false,
					placeUnit, text, dangerSigns);
		}

	}

	@GetMapping("/report")
	String form(Model model) {
		return page(model, new PublicReportForm("", null, null, "", null, null, List.of(), ""), new FormErrors());
	}

	// no permission: the public form, open to anyone
	@Requires({})
	@PostMapping("/report")
	String submit(PublicReportForm form, BindingResult unconvertible, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			return "intake/public-limit";
		}
		FormErrors errors = intake.check(form.draft());
		if (form.placeUnit() == null) {
			errors.reject("placeUnit", "validation.required");
		}
		if (form.harmForm() == null) {
			errors.reject("harmForm", "validation.required");
		}
		else if (!OFFERED_HARMS.contains(form.harmForm())) {
			errors.reject("harmForm", "validation.invalid");
		}
		if (form.childAge() != null && (form.childAge() < 0 || form.childAge() >= ChildRegistry.CHILD_AGE_LIMIT)) {
			errors.reject("childAge", "child.too-old");
		}
		if (form.placeUnit() != null && geography.find(new UnitId(form.placeUnit()))
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.isEmpty()) {
			errors.reject("placeUnit", "validation.unit-unknown");
		}
		remap(errors);
		unconvertible.getFieldErrors().forEach(e -> errors.reject(e.getField(), "validation.invalid"));
		if (!errors.hasErrors()) {
			try {
				ReportReceipt receipt = intake.recordFromPublic(form.draft());
				model.addAttribute("referenceCode", receipt.referenceCode());
				return "intake/public-sent";
			}
			catch (InvalidReport ex) {
				ex.errors().asMap().forEach(errors::reject);
				remap(errors);
			}
		}
		response.setStatus(422);
		return page(model, form, errors);
	}

	@GetMapping("/report/status")
	String status(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("code", code.length() > 20 ? code.substring(0, 20) : code);
		if (!code.isBlank() && !limiter.tryLookUpStatus(request.getRemoteAddr())) {
			response.setStatus(429);
			model.addAttribute("limited", true);
		}
		else if (!code.isBlank()) {
			model.addAttribute("status", intake.publicStatus(code).orElse(null));
			model.addAttribute("looked", true);
		}
		return "intake/public-status";
	}

	/** Shows the draft's child errors next to the public form's own fields. */
	private static void remap(FormErrors errors) {
		for (var entry : errors.asMap().entrySet()) {
			switch (entry.getKey()) {
				case "children[0].fullName" -> errors.reject("childName", entry.getValue());
				case "children[0].approximateAge" -> errors.reject("childAge", entry.getValue());
				case "reporterPhone" -> errors.reject("contactPhone", entry.getValue());
				case "harmForms" -> errors.reject("harmForm", entry.getValue());
				default -> {
				}
			}
		}
	}

	private String page(Model model, PublicReportForm form, FormErrors errors) {
		List<AdministrativeUnit> communes = new ArrayList<>();
		geography.provinces(geography.today())
			.forEach(p -> communes.addAll(geography.unitsUnder(p.id(), geography.today())));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("communes", communes);
		model.addAttribute("harms", OFFERED_HARMS);
		model.addAttribute("dangers", DangerSign.values());
		model.addAttribute("sexes", Sex.values());
		return "intake/public-form";
	}

}
