package vn.trean.cases;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;

/**
 * Mẫu 03, the specific assessment and the needs meeting: the child's physical,
 * psychological and emotional state, the family situation, the carers' ability to
 * protect, the needs, and the meeting with its minutes.
 */
public record NeedsAssessment(@NotBlank @PlainText(max = 5000, markup = true) String physicalState,
		@NotBlank @PlainText(max = 5000, markup = true) String psychologicalState,
		@NotBlank @PlainText(max = 5000, markup = true) String familySituation, @NotNull Rating carersAbilityToProtect,
		@NotBlank @PlainText(max = 5000, markup = true) String needs, @NotNull LocalDate meetingDate,
		@NotBlank @PlainText(max = 2000, markup = true) String meetingParticipants,
		@NotBlank @PlainText(max = 10000, markup = true) String meetingMinutes) {

	static final int SCHEMA = 1;

	static NeedsAssessment blank() {
		return new NeedsAssessment("", "", "", null, "", null, "", "");
	}

	/** The meeting took place: the rule that needs the date of today. */
	FormErrors check(LocalDate today) {
		FormErrors errors = new FormErrors();
		if (meetingDate != null && meetingDate.isAfter(today)) {
			errors.reject("meetingDate", "validation.date-future");
		}
		return errors;
	}

}
