/**
 * Intake of reports of abuse (Mẫu 01) from hotlines, agencies, the public form and other
 * systems: the record, triage with the 12-hour emergency clock, routing to the commune
 * where it happened, notifications, and the inboxes. Publishes
 * {@link vn.trean.intake.ReportReceived} for the case work that follows. Mẫu 01 prints as
 * PDF through the {@code printing} module, read the same audited way as the report page.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "children", "audit", "printing" })
package vn.trean.intake;
