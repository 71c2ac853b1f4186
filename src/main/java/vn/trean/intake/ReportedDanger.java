package vn.trean.intake;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a report told of the danger the child is in, as the chair's emergency decision
 * shows it: when it came in, its urgency, the immediate-danger checklist and the forms of
 * harm alleged. Carries no personal data.
 */
public record ReportedDanger(ReportId reportId, Instant receivedAt, Urgency urgency, Set<DangerSign> dangerSigns,
		Set<HarmForm> harmForms) {

	public ReportedDanger {
		dangerSigns = dangerSigns == null ? Set.of() : Set.copyOf(dangerSigns);
		harmForms = harmForms == null ? Set.of() : Set.copyOf(harmForms);
	}

	/** The danger signs in the order the checklist asks them. */
	public List<DangerSign> dangerSignsInOrder() {
		return dangerSigns.stream().sorted().toList();
	}

	/** The forms of harm in the order the report form lists them. */
	public List<HarmForm> harmFormsInOrder() {
		return harmForms.stream().sorted().toList();
	}

}
