package vn.trean.cases;

import java.time.LocalDate;

import vn.trean.shared.FormErrors;

/**
 * Mẫu 05, the chair's decision on a submitted plan: approved (with the decision's number
 * and date) or returned with reasons.
 */
public record PlanDecision(boolean approved, String decisionNumber, LocalDate decidedOn, String note) {

	static final int SCHEMA = 1;

	FormErrors check(LocalDate today) {
		FormErrors errors = new FormErrors();
		if (approved) {
			errors.checkText("decisionNumber", decisionNumber, true, 50);
		}
		if (decidedOn == null) {
			errors.reject("decidedOn", "validation.required");
		}
		else if (decidedOn.isAfter(today)) {
			errors.reject("decidedOn", "validation.date-future");
		}
		errors.checkText("note", note, !approved, 5000);
		return errors;
	}

}
