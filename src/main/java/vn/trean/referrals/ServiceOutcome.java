package vn.trean.referrals;

import java.time.LocalDate;
import java.util.LinkedHashMap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.jspecify.annotations.Nullable;

import vn.trean.shared.PlainText;

/**
 * The outcome of a social work centre, legal aid, a shelter or another service: the
 * sessions held (nights, for a shelter), what they achieved, and the follow-up.
 */
public record ServiceOutcome(@NotNull LocalDate completedOn,
		@PositiveOrZero(message = "validation.invalid") @Max(value = 1000,
				message = "validation.invalid") @Nullable Integer sessions,
		@NotBlank @PlainText(max = 2000) String outcome, @Nullable LocalDate followUpOn) implements OutcomeReport {

	public ServiceOutcome {
		outcome = ReferralChanges.clean(outcome);
	}

	@Override
	public LinkedHashMap<String, LocalDate> dates() {
		LinkedHashMap<String, LocalDate> dates = new LinkedHashMap<>();
		dates.put("completedOn", completedOn);
		dates.put("followUpOn", followUpOn);
		return dates;
	}

}
