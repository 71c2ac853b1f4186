package vn.trean.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;

/**
 * Mẫu 04, the support and intervention plan: goals, the measures chosen from LTE Art.
 * 49–50 with who is responsible and by when, and the resources.
 */
public record SupportPlan(@NotBlank @PlainText(max = 5000, markup = true) String goals,
		@NotEmpty(message = "case.plan.measures-required") @Size(max = SupportPlan.MAX_MEASURES,
				message = "case.plan.measures-too-many") List<@Valid PlannedMeasure> measures,
		@PlainText(max = 5000, markup = true) String resources) {

	static final int SCHEMA = 1;

	static final int MAX_MEASURES = 20;

	/**
	 * One measure of the plan; who is responsible is a name, printed on Mẫu 04 and 05.
	 */
	public record PlannedMeasure(@NotNull SupportMeasure measure, @NotBlank @PlainText(max = 300) String responsible,
			@NotNull LocalDate startOn, @NotNull LocalDate endBy) {

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

	/** Each measure ends after it starts: the rule that spans two fields. */
	FormErrors check() {
		FormErrors errors = new FormErrors();
		for (int i = 0; i < measures.size() && i < MAX_MEASURES; i++) {
			PlannedMeasure m = measures.get(i);
			if (m.startOn() != null && m.endBy() != null && m.endBy().isBefore(m.startOn())) {
				errors.reject("measures[" + i + "].endBy", "validation.end-before-start");
			}
		}
		return errors;
	}

}
