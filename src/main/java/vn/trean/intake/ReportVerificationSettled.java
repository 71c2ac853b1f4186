package vn.trean.intake;

/**
 * The verification of the case the report is in ended (harm confirmed, or closed as not
 * substantiated: {@code settled}) or began again on reopening (not {@code settled}).
 * Published by the case work in the transaction that does it; intake declares it (the
 * case work depends on intake, not the other way).
 */
public record ReportVerificationSettled(ReportId reportId, boolean settled) {
}
