package vn.trean.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.Time;

/**
 * The chair's emergency decision (ND 56 step 6): when it was taken, the measures, the
 * place of safe shelter, the alternative carer, and for a temporary separation its start
 * and end (at most 15 days unless an extension by a named authority is recorded). The
 * place, the carer and the authority are printed on the decision and are no place for
 * markup.
 */
public record EmergencyDecision(@NotNull LocalDateTime decidedAt, @NotEmpty List<EmergencyMeasure> measures,
		@PlainText(max = 300) String shelterPlace, @PlainText(max = 300) String alternativeCarer,
		LocalDate separationStart, LocalDate separationEnd, LocalDate extendedUntil,
		@PlainText(max = 300) String extensionAuthority,
		@NotBlank @PlainText(max = 5000, markup = true) String reasons) {

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

	/**
	 * The rules that span fields or need the clock: taken after the report and not in the
	 * future, the measures consistent, what a measure needs named, the separation's
	 * limits ({@link SeparationPolicy}).
	 */
	FormErrors check(Instant now, Instant receivedAt, int maxSeparationDays) {
		FormErrors errors = new FormErrors();
		Instant decided = decidedInstant();
		if (decided != null && decided.isAfter(now)) {
			errors.reject("decidedAt", "validation.date-future");
		}
		else if (decided != null && receivedAt != null
				&& decided.isBefore(receivedAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
			// the form gives minutes: a decision in the minute the report came in is fine
			errors.reject("decidedAt", "case.emergency.before-report");
		}
		if (measures.contains(EmergencyMeasure.NO_MEASURE_NEEDED) && measures.size() > 1) {
			errors.reject("measures", "case.emergency.none-and-some");
		}
		requiredIf(errors, "shelterPlace", shelterPlace, measures.contains(EmergencyMeasure.SAFE_SHELTER));
		requiredIf(errors, "alternativeCarer", alternativeCarer, measures.contains(EmergencyMeasure.ALTERNATIVE_CARER));
		requiredIf(errors, "extensionAuthority", extensionAuthority, extendedUntil != null);
		if (separates()) {
			SeparationPolicy.check(this, maxSeparationDays, errors);
		}
		return errors;
	}

	private static void requiredIf(FormErrors errors, String field, String value, boolean required) {
		if (required && (value == null || value.isBlank())) {
			errors.reject(field, "validation.required");
		}
	}

}
