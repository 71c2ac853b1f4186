package vn.trean.intake;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trean.children.ChildRegistry;
import vn.trean.children.Sex;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.identity.Requires;
import vn.trean.shared.FormErrors;

/**
 * The public, anonymous report form (no sign-in): few fields, rate-limited per client
 * address. The reporter gets a reference code that shows only the status, the day it came
 * in and what comes next.
 */
@Controller
class PublicReportController {

	private final Intake intake;

	private final RateLimits limiter;

	private final Geography geography;

	private final Validator validator;

	PublicReportController(Intake intake, RateLimits limiter, Geography geography, Validator validator) {
		this.intake = intake;
		this.limiter = limiter;
		this.geography = geography;
		this.validator = validator;
	}

	/**
	 * What the public form asks. Its own fields' rules are here; the report it makes is
	 * held to the report's rules ({@link ReportDraft}, {@link ReportPolicy}).
	 */
	record PublicReportForm(String account, @NotNull Long placeUnit, @NotNull HarmForm harmForm, String childName,
			@Min(value = 0, message = "child.too-old") @Max(value = ChildRegistry.CHILD_AGE_LIMIT - 1,
					message = "child.too-old") Integer childAge,
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
		if (model.getAttribute("submitted") instanceof PublicReportForm refused
				&& model.getAttribute("errors") instanceof FormErrors errors) {
			model.addAttribute("errors", remapped(errors));
			return page(model, refused);
		}
		return page(model, new PublicReportForm("", null, null, "", null, null, List.of(), ""));
	}

	// no permission: the public form, open to anyone
	@Requires({})
	@PostMapping("/report")
	String submit(@Valid PublicReportForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return "intake/public-limit";
		}
		ReportReceipt receipt = intake
			.recordFromPublic(BoundReport.checking(form.draft(), validator).with(form, binding, validator));
		model.addAttribute("referenceCode", receipt.referenceCode());
		return "intake/public-sent";
	}

	@GetMapping("/report/status")
	String status(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("code", code.length() > 20 ? code.substring(0, 20) : code);
		if (!code.isBlank() && !limiter.tryLookUpStatus(request.getRemoteAddr())) {
			response.setStatus(429);
			model.addAttribute("limited", true);
			model.addAttribute("refusal", "public.status.limited");
		}
		else if (!code.isBlank()) {
			PublicStatus status = intake.publicStatus(code).orElse(null);
			model.addAttribute("status", status);
			model.addAttribute("looked", true);
			if (status == null) {
				// the one field at fault: the error summary leads to it
				FormErrors errors = new FormErrors();
				errors.reject("code", "public.status.unknown");
				model.addAttribute("errors", errors);
			}
		}
		return "intake/public-status";
	}

	/**
	 * The report's errors under the public form's own field names, so each shows next to
	 * its field and the error summary links to it.
	 */
	private static FormErrors remapped(FormErrors errors) {
		FormErrors remapped = new FormErrors();
		errors.asMap().forEach((field, key) -> remapped.reject(switch (field) {
			case "children[0].fullName" -> "childName";
			case "children[0].approximateAge" -> "childAge";
			case "reporterPhone" -> "contactPhone";
			case "harmForms" -> "harmForm";
			default -> field;
		}, key));
		return remapped;
	}

	private String page(Model model, PublicReportForm form) {
		List<AdministrativeUnit> communes = new ArrayList<>();
		geography.provinces(geography.today())
			.forEach(p -> communes.addAll(geography.unitsUnder(p.id(), geography.today())));
		model.addAttribute("form", form);
		model.addAttribute("communes", communes);
		model.addAttribute("harms", ReportPolicy.PUBLIC_HARMS);
		model.addAttribute("dangers", DangerSign.values());
		model.addAttribute("sexes", Sex.values());
		return "intake/public-form";
	}

}
