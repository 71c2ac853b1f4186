/**
 * Intake of reports of abuse (Mẫu 01) from hotlines, agencies, the public form and the
 * API: the record, triage with the 12-hour emergency clock, routing to the commune where
 * it happened, notifications and the inboxes (docs/domain.md §2, §4). Publishes
 * {@link vn.trean.intake.ReportReceived} (ids only) for the case work that follows.
 * <p>
 * Decisions:
 * <ul>
 * <li>One set of rules for every channel ({@code TriagePolicy}, {@code RoutingPolicy});
 * markup in a report's texts is refused on every channel.</li>
 * <li>On the staff form, a child with likely matches is linked (by her random reference)
 * or confirmed new ({@code linkTo=new}) by the operator; a save without a choice comes
 * back with the matches. {@code ChildLinking} masks matches outside the user's reach,
 * limits and access-logs look-ups, and links only a child the user may see or one the
 * submitted facts offer again on saving. The API does not match: it links only a child
 * whose number and exact birth date or full name it sends. The public form never
 * links.</li>
 * <li>The API takes each JSON value only in its exact kind ({@code ExactJson}) and
 * compares a retry with the same {@code Idempotency-Key} by its parsed content.</li>
 * <li>The inbox lists first what still needs attention (not taken up, or its 12-hour
 * clock running), most urgent first. Taking a report up is an explicit, audited POST;
 * only then is its reporter told it is being handled.</li>
 * </ul>
 * Invariants: reading a report changes nothing but the access log and the reader's own
 * notification; the reporter's identity is shown only with {@code VIEW_REPORTER_IDENTITY}
 * and each showing is access-logged; a report locks the numbers of the children it
 * registers in sorted order, so two reports naming the same children wait in turn instead
 * of deadlocking. Mẫu 01 prints through {@code printing}, read the same audited way.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "children", "audit", "printing" })
package vn.trean.intake;
