package vn.trean.intake;

/**
 * A report opened by a user; {@code reporterVisible} says whether the reporter block may
 * be shown.
 */
record ReportView(Report report, boolean reporterVisible) {
}
