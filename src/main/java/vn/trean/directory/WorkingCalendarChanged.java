package vn.trean.directory;

import java.time.Instant;
import java.time.LocalDate;

import vn.trean.shared.AuditableEvent;

/**
 * An administrator added, changed or removed a day of the working calendar. Recorded by
 * the audit log; modules that store deadlines counted in working days listen to it to
 * recompute those that span the day.
 *
 * @param change {@code CALENDAR_DAY_ADDED}, {@code CALENDAR_DAY_CHANGED} or
 * {@code CALENDAR_DAY_REMOVED}
 * @param day the date changed (for a moved day, its new date; the old one is in the
 * detail)
 */
public record WorkingCalendarChanged(String actor, String change, LocalDate day, String detail, String clientAddress,
		Instant occurredAt) implements AuditableEvent {

	public String action() {
		return change;
	}

	public String targetType() {
		return "CALENDAR_DAY";
	}

	public String targetId() {
		return day.toString();
	}

	public String outcome() {
		return "SUCCESS";
	}

}
