package vn.trean.intake;

import java.util.Set;

/**
 * Turns the immediate-danger checklist and the forms of harm into an urgency: what is
 * urgent is intake's to say. Any danger sign makes an emergency (whose decision clock the
 * case work's deadline rules count, {@link EmergencyClock}). Sexual abuse, trafficking,
 * abduction, abandonment, or a perpetrator who lives with or can reach the child make it
 * high. Contacts that are not about harm are normal.
 */
final class TriagePolicy {

	private static final Set<HarmForm> HIGH_FORMS = Set.of(HarmForm.TRAFFICKING, HarmForm.ABDUCTION,
			HarmForm.ABANDONMENT);

	private TriagePolicy() {
	}

	static Urgency assess(ContactType contact, Set<HarmForm> harms, Set<DangerSign> dangers,
			boolean perpetratorHasAccess) {
		if (!dangers.isEmpty()) {
			return Urgency.EMERGENCY;
		}
		if (contact != ContactType.HARM) {
			return Urgency.NORMAL;
		}
		boolean serious = harms.stream().anyMatch(h -> h.sexualAbuse() || HIGH_FORMS.contains(h));
		return serious || perpetratorHasAccess ? Urgency.HIGH : Urgency.NORMAL;
	}

}
