package vn.trean.intake;

/**
 * The case work took the report into a case: opened one from it, or added it to the open
 * case of its child. Published by the case work in the transaction that does it; intake
 * declares it (the case work depends on intake, not the other way) and moves the report
 * below the ones nobody has taken up.
 */
public record ReportTakenIntoCase(ReportId reportId) {
}
