package vn.trean.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import vn.trean.shared.FormErrors;

/**
 * Mẫu 04, the support and intervention plan: goals, the measures chosen from LTE Art.
 * 49–50 with who is responsible and by when, and the resources.
 */
public record SupportPlan(String goals, List<PlannedMeasure> measures, String resources) {

	static final int SCHEMA = 1;

	static final int MAX_MEASURES = 20;

	/** One measure of the plan. */
	public record PlannedMeasure(SupportMeasure measure, String responsible, LocalDate startOn, LocalDate endBy) {

		boolean blank() {
			return measure == null && (responsible == null || responsible.isBlank()) && startOn == null
					&& endBy == null;
		}

	}

	public SupportPlan {
		measures = measures == null ? List.of()
				: measures.stream().filter(Objects::nonNull).filter(m -> !m.blank()).toList();
	}

	static SupportPlan blank() {
		return new SupportPlan("", List.of(), "");
	}

	FormErrors check() {
		FormErrors errors = new FormErrors();
		errors.checkText("goals", goals, true, 5000);
		if (measures.isEmpty()) {
			errors.reject("measures", "case.plan.measures-required");
		}
		if (measures.size() > MAX_MEASURES) {
			errors.reject("measures", "case.plan.measures-too-many");
		}
		for (int i = 0; i < measures.size() && i < MAX_MEASURES; i++) {
			PlannedMeasure m = measures.get(i);
			String prefix = "measures[" + i + "].";
			if (m.measure() == null) {
				errors.reject(prefix + "measure", "validation.required");
			}
			errors.checkText(prefix + "responsible", m.responsible(), true, 300);
			if (m.startOn() == null) {
				errors.reject(prefix + "startOn", "validation.required");
			}
			if (m.endBy() == null) {
				errors.reject(prefix + "endBy", "validation.required");
			}
			else if (m.startOn() != null && m.endBy().isBefore(m.startOn())) {
				errors.reject(prefix + "endBy", "validation.end-before-start");
			}
		}
		errors.checkText("resources", resources, false, 5000);
		return errors;
	}

}
