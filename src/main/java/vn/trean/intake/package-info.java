/**
 * Intake of reports of abuse (Mẫu 01) from hotlines, agencies, the public form and other
 * systems: the record, triage (how urgent), routing to the commune where it happened,
 * notifications, and the inboxes (docs/domain.md §2, §4). Publishes
 * {@link vn.trean.intake.ReportReceived} for the case work that follows. Mẫu 01 prints as
 * PDF through the {@code printing} module, read the same audited way as the report page.
 * <p>
 * Decisions a successor may ask about:
 * <ul>
 * <li>A report's rules are defined once: constraints on {@code ReportDraft}'s fields,
 * checked where each channel binds it, then {@code ReportPolicy} (rules across fields or
 * needing the database; a child's details are the registry's), once, on recording. Markup
 * is refused on every channel; a less-than sign that opens no tag is text.</li>
 * <li>The 12-hour clock is the case work's ({@code DeadlineRules}). The case work depends
 * on intake, so intake asks it through {@link vn.trean.intake.EmergencyClock}, which
 * cases implements, and hears what became of a report through events it declares and
 * cases publishes ({@code ReportTakenIntoCase}, {@code ReportHandlingStarted}),
 * synchronously, so a case and its report's state commit together. The lists of reports
 * show and narrow by where each report's case stands through
 * {@link vn.trean.intake.CaseProgressSource}, which cases implements too.</li>
 * <li>On the staff form, a child with likely matches in the registry is linked (by her
 * random reference, never the internal id) or confirmed new ({@code linkTo=new}) by the
 * operator; a save without a choice comes back with the matches. {@code ChildLinking}
 * decides what is shown (masked outside the user's reach, rate-limited, access-logged)
 * and what may be linked. The API does not match; it may link only a child whose number
 * and exact birth date or full name it sends. The public form never links.</li>
 * <li>The API takes each JSON value only in its exact kind ({@code shared.ExactJson}) and
 * compares a retry by its parsed content written with sorted keys, not by its bytes.</li>
 * <li>The inbox lists first what still needs attention (not taken up, or its 12-hour
 * clock still running), most urgent first. Taking a report up is an explicit, audited
 * POST; reading one changes only the access log and the reader's notification.</li>
 * <li>The lists of reports ({@code ReportLists}) follow the report page's rules: a row
 * names its child for those who may read the report; the reporter's phone is searched
 * only where the viewer may see reporters, and each report it finds writes an access
 * entry, as showing the reporter does. Their filters live in the address, and a value
 * that names nothing answers 400 with its message. A report keeps the id and code of the
 * case it went into, from {@code ReportTakenIntoCase}, to link to it without reading the
 * case work's tables.</li>
 * <li>New children are registered together ({@code ChildRegistry.registerChecked}), their
 * numbers locked first, so two reports naming the same children wait in turn instead of
 * deadlocking; the second is told to link the child.</li>
 * <li>A report can be sent back to its receiving point for more information
 * ({@code MoreInformation}) while it is being verified (docs/domain.md §3, step 3): an
 * officer who may take it up asks until the case holding it confirms the harm or closes
 * as not substantiated (a reopened case verifies again; cases tells intake through
 * {@code ReportVerificationSettled}) and while it has a receiving point (a public-form or
 * API report has no one to ask). Its status does not change: the reporter is not told.
 * The recorder answers while they may still record reports for the agency that received
 * it, or any user of that agency who records reports and may read the report. The answer
 * is added under the account, never over it, on the page and on Mẫu 01. One open request
 * per report (a partial unique index); each side sees its item in the work queue
 * ({@code MoreInformationWork}) until it answers, or opens the answered report.</li>
 * </ul>
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "children", "audit", "printing" })
package vn.trean.intake;
