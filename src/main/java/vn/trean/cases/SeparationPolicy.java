package vn.trean.cases;

import java.time.temporal.ChronoUnit;

import vn.trean.shared.FormErrors;

/**
 * Temporary separation from the carer lasts at most 15 days (ND 56) unless a competent
 * authority extends it: a longer separation needs the extension's end date and the name
 * of the authority that ordered it.
 */
final class SeparationPolicy {

	private SeparationPolicy() {
	}

	static void check(EmergencyDecision decision, int maxDays, FormErrors errors) {
		if (decision.separationStart() == null) {
			errors.reject("separationStart", "validation.required");
		}
		if (decision.separationEnd() == null) {
			errors.reject("separationEnd", "validation.required");
		}
		if (decision.separationStart() == null || decision.separationEnd() == null) {
			return;
		}
		if (decision.separationEnd().isBefore(decision.separationStart())) {
			errors.reject("separationEnd", "validation.end-before-start");
			return;
		}
		long days = ChronoUnit.DAYS.between(decision.separationStart(), decision.separationEnd());
		if (days > maxDays && decision.extendedUntil() == null) {
			errors.reject("separationEnd", "case.separation.too-long");
		}
		if (decision.extendedUntil() != null && decision.extendedUntil().isBefore(decision.separationEnd())) {
			errors.reject("extendedUntil", "validation.end-before-start");
		}
	}

}
