package vn.trean.referrals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.jspecify.annotations.Nullable;

import vn.trean.shared.PlainText;

/**
 * A school's outcome: the support given at school, the counselling sessions held, whether
 * the child stays in school, and the follow-up.
 */
public record SchoolOutcome(@NotNull LocalDate completedOn, @NotEmpty List<Measure> measures,
		@PositiveOrZero(message = "validation.invalid") @Max(value = 500,
				message = "validation.invalid") @Nullable Integer counsellingSessions,
		@NotNull Boolean staysInSchool, @Nullable LocalDate followUpOn,
		@PlainText(max = 1000) @Nullable String note) implements OutcomeReport {

	/** The support a school gives a child who was harmed. */
	public enum Measure {

		/** Sessions with the school counsellor. */
		COUNSELLING,
		/** A change of class or of seat. */
		CLASS_OR_SEAT_CHANGE,
		/** Supervision at school. */
		SUPERVISION,
		/** Help with learning. */
		LEARNING_SUPPORT,
		/** Work with the parents of the other pupils involved. */
		WORK_WITH_OTHER_PARENTS,
		/** Disciplinary measures toward the pupil who harmed. */
		DISCIPLINE_OF_PUPIL_WHO_HARMED;

		public String key() {
			return "referral.outcome.school.measure." + name();
		}

	}

	public SchoolOutcome {
		measures = measures == null ? List.of() : measures.stream().filter(Objects::nonNull).distinct().toList();
		note = ReferralChanges.clean(note);
	}

	@Override
	public LinkedHashMap<String, LocalDate> dates() {
		LinkedHashMap<String, LocalDate> dates = new LinkedHashMap<>();
		dates.put("completedOn", completedOn);
		dates.put("followUpOn", followUpOn);
		return dates;
	}

}
