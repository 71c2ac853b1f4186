package vn.trean.intake;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where the case a report went into stands, as the lists of reports show it beside the
 * report: who must act, by the names the case lists use ({@code OFFICER}, {@code CHAIR},
 * {@code RECEIVING_COMMUNE}, {@code NOBODY}), the officer's name when one is assigned,
 * and the step whose legal clock runs next with its deadline.
 *
 * @param waitingOn who must act
 * @param officer the assigned officer's user id, or {@code null} when none is
 * @param nextStep the name of the step whose clock runs next, or {@code null}
 * @param nextDeadline when that clock runs out, or {@code null}
 */
public record CaseProgress(String waitingOn, @Nullable Long officer, @Nullable String nextStep,
		@Nullable Instant nextDeadline) {

	/** Whether the case waits for its officer. */
	public boolean waitsForOfficer() {
		return "OFFICER".equals(waitingOn);
	}

}
