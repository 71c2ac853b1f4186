package vn.trean.cases;

import java.time.LocalDate;

import vn.trean.shared.FormErrors;

/**
 * Mẫu 03, the specific assessment and the needs meeting: the child's physical,
 * psychological and emotional state, the family situation, the carers' ability to
 * protect, the needs, and the meeting with its minutes.
 */
public record NeedsAssessment(String physicalState, String psychologicalState, String familySituation,
		Rating carersAbilityToProtect, String needs, LocalDate meetingDate, String meetingParticipants,
		String meetingMinutes) {

	static final int SCHEMA = 1;

	static NeedsAssessment blank() {
		return new NeedsAssessment("", "", "", null, "", null, "", "");
	}

	FormErrors check(LocalDate today) {
		FormErrors errors = new FormErrors();
		errors.checkText("physicalState", physicalState, true, 5000);
		errors.checkText("psychologicalState", psychologicalState, true, 5000);
		errors.checkText("familySituation", familySituation, true, 5000);
		if (carersAbilityToProtect == null) {
			errors.reject("carersAbilityToProtect", "validation.required");
		}
		errors.checkText("needs", needs, true, 5000);
		if (meetingDate == null) {
			errors.reject("meetingDate", "validation.required");
		}
		else if (meetingDate.isAfter(today)) {
			errors.reject("meetingDate", "validation.date-future");
		}
		errors.checkText("meetingParticipants", meetingParticipants, true, 2000);
		errors.checkText("meetingMinutes", meetingMinutes, true, 10000);
		return errors;
	}

}
