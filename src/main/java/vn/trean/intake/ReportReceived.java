package vn.trean.intake;

import java.time.Instant;
import java.util.List;

import vn.trean.children.ChildId;
import vn.trean.geography.UnitId;

/**
 * A report was recorded and routed. The case work opens (or extends) a case from it; the
 * routed unit's officers and chair are notified. Carries ids only, never personal data.
 *
 * @param routedTo the commune that must act, or the provincial unit when the place is
 * outside the province or unknown
 * @param transferOut whether the provincial authority must transfer it to another
 * province
 * @param contactType whether the report alleges harm or is a non-case contact
 */
public record ReportReceived(ReportId reportId, Instant receivedAt, Channel channel, Urgency urgency,
		Instant emergencyDecisionDue, UnitId routedTo, boolean transferOut, List<ChildId> children,
		ContactType contactType) {

	public ReportReceived {
		children = List.copyOf(children);
	}

}
