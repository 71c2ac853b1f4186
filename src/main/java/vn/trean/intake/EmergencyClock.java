package vn.trean.intake;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When the emergency decision on a report falls due: the case work's deadline rules own
 * the 12-hour clock, intake only says how urgent a report is. Intake asks through this
 * interface, which the case work implements, because the case work depends on intake and
 * the dependency cannot run both ways; the report and its answer (the API's 201 included)
 * carry the due time from the moment it is recorded.
 */
public interface EmergencyClock {

	/**
	 * The time the emergency decision is due for a report of this urgency received then,
	 * or {@code null} when no clock runs for it.
	 */
	@Nullable Instant decisionDue(Urgency urgency, Instant receivedAt);

}
