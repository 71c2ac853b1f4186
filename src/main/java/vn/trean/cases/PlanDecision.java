package vn.trean.cases;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;

/**
 * Mẫu 05, the chair's decision on a submitted plan: approved (with the decision's number
 * and date) or returned with reasons. The decision's number is printed on Mẫu 05 and is
 * no place for markup. No outcome is chosen in advance: the chair picks one.
 */
public record PlanDecision(@NotNull Boolean approved, @PlainText(max = 50) String decisionNumber,
		@NotNull LocalDate decidedOn, @PlainText(max = 5000, markup = true) String note) {

	static final int SCHEMA = 1;

	/**
	 * An approval has its number, a return its reasons, and the decision is not dated in
	 * the future.
	 */
	FormErrors check(LocalDate today) {
		FormErrors errors = new FormErrors();
		if (approved == null) {
			return errors.reject("approved", "validation.required");
		}
		if (approved && blank(decisionNumber)) {
			errors.reject("decisionNumber", "validation.required");
		}
		if (decidedOn != null && decidedOn.isAfter(today)) {
			errors.reject("decidedOn", "validation.date-future");
		}
		if (!approved && blank(note)) {
			errors.reject("note", "validation.required");
		}
		return errors;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
