package vn.trean.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import vn.trean.shared.FormErrors;
import vn.trean.shared.Time;

/**
 * The chair's emergency decision (ND 56 step 6): when it was taken, the measures, the
 * place of safe shelter, the alternative carer, and for a temporary separation its start
 * and end (at most 15 days unless an extension by a named authority is recorded).
 */
public record EmergencyDecision(LocalDateTime decidedAt, List<EmergencyMeasure> measures, String shelterPlace,
		String alternativeCarer, LocalDate separationStart, LocalDate separationEnd, LocalDate extendedUntil,
		String extensionAuthority, String reasons) {

	static final int SCHEMA = 1;

	public EmergencyDecision {
		measures = measures == null ? List.of() : measures.stream().filter(Objects::nonNull).distinct().toList();
	}

	static EmergencyDecision blank(LocalDateTime now) {
		return new EmergencyDecision(now, List.of(), "", "", null, null, null, "", "");
	}

	Set<EmergencyMeasure> measureSet() {
		return measures.isEmpty() ? EnumSet.noneOf(EmergencyMeasure.class) : EnumSet.copyOf(measures);
	}

	boolean separates() {
		return measures.contains(EmergencyMeasure.TEMPORARY_SEPARATION);
	}

	/** When the separation ends, counting a recorded extension; null without one. */
	LocalDate separationEndsOn() {
		return !separates() ? null : extendedUntil != null ? extendedUntil : separationEnd;
	}

	Instant decidedInstant() {
		return decidedAt == null ? null : decidedAt.atZone(Time.ZONE).toInstant();
	}

	FormErrors check(Instant now, Instant receivedAt, int maxSeparationDays) {
		FormErrors errors = new FormErrors();
		if (decidedAt == null) {
			errors.reject("decidedAt", "validation.required");
		}
		else if (decidedInstant().isAfter(now)) {
			errors.reject("decidedAt", "validation.date-future");
		}
		else if (receivedAt != null
				&& decidedInstant().isBefore(receivedAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
			// the form gives minutes: a decision in the minute the report came in is fine
			errors.reject("decidedAt", "case.emergency.before-report");
		}
		if (measures.isEmpty()) {
			errors.reject("measures", "validation.required");
		}
		else if (measures.contains(EmergencyMeasure.NO_MEASURE_NEEDED) && measures.size() > 1) {
			errors.reject("measures", "case.emergency.none-and-some");
		}
		errors.checkText("shelterPlace", shelterPlace, measures.contains(EmergencyMeasure.SAFE_SHELTER), 300);
		errors.checkText("alternativeCarer", alternativeCarer, measures.contains(EmergencyMeasure.ALTERNATIVE_CARER),
				300);
		errors.checkText("extensionAuthority", extensionAuthority, extendedUntil != null, 300);
		errors.checkText("reasons", reasons, true, 5000);
		if (separates()) {
			SeparationPolicy.check(this, maxSeparationDays, errors);
		}
		return errors;
	}

}
