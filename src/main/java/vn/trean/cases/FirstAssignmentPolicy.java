package vn.trean.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Who a case opened from a report is first assigned to, among the commune's officers: the
 * one with the fewest open cases, then the one who has gone longest without a new case
 * (one who never had a case first), then the lowest user id, so that the same loads
 * always give the same officer. The work spreads evenly and nobody is skipped for long.
 */
final class FirstAssignmentPolicy {

	private FirstAssignmentPolicy() {
	}

	/**
	 * An officer's load.
	 *
	 * @param lastNewCase when a case last came to them, {@code null} if none ever did
	 */
	record OfficerLoad(long userId, int openCases, @Nullable Instant lastNewCase) {
	}

	static final Comparator<OfficerLoad> ORDER = Comparator.comparingInt(OfficerLoad::openCases)
		.thenComparing(OfficerLoad::lastNewCase, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparingLong(OfficerLoad::userId);

	/** The officer to assign, or none when the commune has no officer. */
	static Optional<Long> choose(Collection<OfficerLoad> officers) {
		return officers.stream().min(ORDER).map(OfficerLoad::userId);
	}

}
