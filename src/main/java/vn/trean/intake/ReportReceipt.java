package vn.trean.intake;

import java.time.Instant;

import vn.trean.geography.UnitId;

/**
 * What the sender of a report gets back: the id, the reference code and where it went.
 * Serializable: the form hands it to the report page as a flash attribute, which lives in
 * the (JDBC) session.
 */
public record ReportReceipt(ReportId id, String referenceCode, Instant receivedAt, Urgency urgency,
		Instant emergencyDecisionDue, UnitId routedTo, boolean transferOut) implements java.io.Serializable {
}
