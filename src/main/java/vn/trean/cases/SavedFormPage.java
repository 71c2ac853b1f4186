package vn.trean.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The read-only view of a saved form ({@code cases/form-view}): its labels and values,
 * which version it is, who saved it and when, every version of the form, the printed
 * form, and for a viewer who may not save it the sentence that says why. The form
 * controllers show it to everyone who may read the case; the editable form only to those
 * who may save it now.
 */
@Component
class SavedFormPage {

	private final CaseForms forms;

	private final CaseManagement cases;

	SavedFormPage(CaseForms forms, CaseManagement cases) {
		this.forms = forms;
		this.cases = cases;
	}

	/**
	 * The latest version of the form in any plan cycle (or none yet), read-only.
	 * @param reason why the viewer may not save it, or {@code null} when they may
	 */
	String latest(Model model, CaseView view, CaseForm form, @Nullable String reason) {
		List<StoredForm<Void>> versions = forms.versions(view, form);
		StoredForm<?> shown = versions.isEmpty() ? null
				: forms.version(view, form, versions.get(0).cycle(), versions.get(0).version()).orElse(null);
		return page(model, view, form, versions, shown, reason);
	}

	/** One version, read-only; a version the case does not have is not found. */
	String version(Model model, CaseView view, CaseForm form, int cycle, int version, @Nullable String reason) {
		StoredForm<?> shown = forms.version(view, form, cycle, version)
			.orElseThrow(() -> new UnknownCase(view.protectionCase().id()));
		return page(model, view, form, forms.versions(view, form), shown, reason);
	}

	private String page(Model model, CaseView view, CaseForm form, List<StoredForm<Void>> versions,
			@Nullable StoredForm<?> shown, @Nullable String reason) {
		Map<Long, String> names = new LinkedHashMap<>();
		versions.forEach(v -> names.computeIfAbsent(v.recordedBy(), id -> cases.nameOf(id).orElse("–")));
		model.addAttribute("view", view);
		model.addAttribute("c", view.protectionCase());
		model.addAttribute("form", form.path());
		model.addAttribute("shown", shown);
		model.addAttribute("data", shown == null ? null : shown.data());
		model.addAttribute("versions", versions);
		model.addAttribute("names", names);
		model.addAttribute("readOnlyReason", reason);
		model.addAttribute("printPath", shown == null ? null : CasePrintouts.Printout.valueOf(form.name()).path());
		return "cases/form-view";
	}

}
