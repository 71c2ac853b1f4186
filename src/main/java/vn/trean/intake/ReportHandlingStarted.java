package vn.trean.intake;

/**
 * Someone started work on the case the report is in (verification): its reporter now sees
 * it as being handled. Published by the case work in the transaction that does it; intake
 * declares it (the case work depends on intake, not the other way).
 */
public record ReportHandlingStarted(ReportId reportId) {
}
