package vn.trean.intake;

import java.time.Instant;
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

}
