/**
 * Intake of reports of abuse (Mẫu 01) from hotlines, agencies, the public form and other
 * systems: the record, triage with the 12-hour emergency clock, routing to the commune
 * where it happened, notifications, and the inboxes. Publishes
 * {@link vn.trean.intake.ReportReceived} for the case work that follows. Mẫu 01 prints as
 * PDF through the {@code printing} module, read the same audited way as the report page.
 * <p>
 * Decisions a successor may ask about:
 * <ul>
 * <li>Markup in a report's texts is refused ({@code FormErrors.checkPlainText}) on every
 * channel; pages escape what they show in any case. A less-than sign that opens no tag is
 * text.</li>
 * <li>On the staff form, a child with likely matches in the registry is linked (by the
 * child's random reference, never the internal id) or confirmed new ({@code linkTo=new},
 * {@code ReportDraft.NEW_CHILD}) by the operator; a save without a choice comes back with
 * the matches. {@code ChildLinking} decides what is shown (masked outside the user's
 * reach, rate-limited, access-logged) and what may be linked: a child the user may see,
 * or one the submitted facts offer again as a match on saving. The API does not match; it
 * may link only a child whose number and exact birth date or full name it sends. The
 * public form never links.</li>
 * <li>The API takes each JSON value only in its exact kind ({@code ExactJson}) and
 * compares a retry by its parsed content written with sorted keys, not by its bytes.</li>
 * <li>The inbox lists first what still needs attention (not yet taken up by an officer of
 * the unit, or its 12-hour clock still running), most urgent first, whether or not a case
 * was opened from it. Taking a report up is an explicit, audited POST; reading a report
 * changes nothing but the access log and the reader's own notification of it, which
 * reading is the act of.</li>
 * <li>A report locks the numbers of the children it registers, sorted, in one statement
 * ({@code ChildRegistry.lockPersonalIds}), so two reports naming the same children wait
 * in turn instead of deadlocking; the second finds the number taken (the unique index)
 * and is told to link the child.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "children", "audit", "printing" })
package vn.trean.intake;
