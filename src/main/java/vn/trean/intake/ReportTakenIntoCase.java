package vn.trean.intake;

import java.util.UUID;

/**
 * The case work took the report into a case: opened one from it, or added it to the open
 * case of its child. Published by the case work in the transaction that does it; intake
 * declares it (the case work depends on intake, not the other way), moves the report
 * below the ones nobody has taken up and keeps the case's id and reference code, which
 * the report page and the inbox link to.
 */
public record ReportTakenIntoCase(ReportId reportId, UUID caseId, String caseCode) {
}
