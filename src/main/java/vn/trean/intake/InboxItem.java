package vn.trean.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import vn.trean.geography.UnitId;

/** A report as the inbox lists it: no names, only what ranks and identifies it. */
public record InboxItem(ReportId id, String referenceCode, Instant receivedAt, Channel channel, Urgency urgency,
		Instant emergencyDecisionDue, UnitId routedTo, boolean transferOut, ReportStatus status,
		Set<HarmForm> harmForms, ContactType contactType, int children) {

	/**
	 * Time left on the 12-hour clock (negative when overdue), or {@code null} without a
	 * clock.
	 */
	public Duration timeLeft(Instant now) {
		return emergencyDecisionDue == null ? null : Duration.between(now, emergencyDecisionDue);
	}

}
