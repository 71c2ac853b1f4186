package vn.trean.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.shared.Time;

/**
 * A report as a list of reports names it: what ranks and identifies it, its first child
 * (name and age, for a viewer who may read the report's children; otherwise none), the
 * case it went into, and whether the search found it by the reporter's phone.
 */
record ListedReport(ReportId id, String referenceCode, Instant receivedAt, Channel channel, Urgency urgency,
		@Nullable Instant emergencyDecisionDue, UnitId routedTo, boolean transferOut, ReportStatus status,
		Set<HarmForm> harmForms, Set<DangerSign> dangerSigns, int children, @Nullable FirstChild child,
		@Nullable CaseLink inCase, boolean foundByPhone) {

	/**
	 * The report's first child as listed: her name, and her birth date or age when told.
	 */
	record FirstChild(String fullName, @Nullable LocalDate birthDate, @Nullable Integer approximateAge) {

		/**
		 * Her age in whole years today: from her birth date, or the age told plus the
		 * years since the report; {@code null} when neither was told.
		 */
		public @Nullable Integer age(Instant now, Instant receivedAt) {
			LocalDate today = now.atZone(Time.ZONE).toLocalDate();
			if (birthDate != null) {
				return Period.between(birthDate, today).getYears();
			}
			if (approximateAge == null) {
				return null;
			}
			return approximateAge + Period.between(receivedAt.atZone(Time.ZONE).toLocalDate(), today).getYears();
		}

	}

	/** The same row without the child, for a viewer who may not read her. */
	ListedReport withoutChild() {
		return new ListedReport(id, referenceCode, receivedAt, channel, urgency, emergencyDecisionDue, routedTo,
				transferOut, status, harmForms, dangerSigns, children, null, inCase, foundByPhone);
	}

	/**
	 * Time left on the 12-hour clock (negative when overdue), or {@code null} without a
	 * clock.
	 */
	public @Nullable Duration timeLeft(Instant now) {
		return emergencyDecisionDue == null ? null : Duration.between(now, emergencyDecisionDue);
	}

	/** The other children of the report, besides the one named. */
	public int otherChildren() {
		return Math.max(0, children - 1);
	}

}
