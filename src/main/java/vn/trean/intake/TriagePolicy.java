package vn.trean.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Turns the immediate-danger checklist and the forms of harm into an urgency. Any danger
 * sign makes an emergency, which starts the 12-hour emergency-decision clock from the
 * time the report was received (Decree 56: the commune chair decides within 12 hours).
 * Sexual abuse, trafficking, abduction, abandonment, or a perpetrator who lives with or
 * can reach the child make it high. Contacts that are not about harm are normal.
 */
final class TriagePolicy {

	/** The legal limit for the emergency decision. */
	static final Duration EMERGENCY_DECISION_LIMIT = Duration.ofHours(12);

	private static final Set<HarmForm> HIGH_FORMS = Set.of(HarmForm.TRAFFICKING, HarmForm.ABDUCTION,
			HarmForm.ABANDONMENT);

	private TriagePolicy() {
	}

	/** The outcome: the urgency and, for an emergency, when the decision is due. */
	record Triage(Urgency urgency, Instant emergencyDecisionDue) {
	}

	static Triage assess(ContactType contact, Set<HarmForm> harms, Set<DangerSign> dangers,
			boolean perpetratorHasAccess, Instant receivedAt) {
		if (!dangers.isEmpty()) {
			return new Triage(Urgency.EMERGENCY, receivedAt.plus(EMERGENCY_DECISION_LIMIT));
		}
		if (contact != ContactType.HARM) {
			return new Triage(Urgency.NORMAL, null);
		}
		boolean serious = harms.stream().anyMatch(h -> h.sexualAbuse() || HIGH_FORMS.contains(h));
		if (serious || perpetratorHasAccess) {
			return new Triage(Urgency.HIGH, null);
		}
		return new Triage(Urgency.NORMAL, null);
	}

}
