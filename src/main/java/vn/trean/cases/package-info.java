/**
 * Case management under the Law on Children 2016 and Decree 56/2017 (docs/domain.md §2):
 * the case from report to closure ({@link vn.trean.cases.ProtectionCase} and its
 * {@code Status}), the forms Mẫu 02–06 and the emergency decision as versioned documents,
 * the legal clocks on the working-day calendar ({@link vn.trean.cases.DeadlineRules}) and
 * their escalation, transfers between communes, break-glass, attachments.
 * <p>
 * Decisions:
 * <ul>
 * <li>A case opens from the persisted {@code ReportReceived} once the report has
 * committed (a retry changes nothing twice), in the commune the report was routed to; a
 * report about a child with an open case in that commune joins that case instead (not one
 * in another commune: its officers may not read the report). Reports routed to the
 * province and contacts that are no case open nothing.</li>
 * <li>Named policies: {@link vn.trean.cases.CaseStep} (which permission each step needs
 * and the states it is offered in), {@code ClosingPolicy} (Mẫu 06),
 * {@code SeparationPolicy} (15 days unless extended), and the shared
 * {@code AttachmentPolicy} (type from the content) its attachments share with the
 * special-circumstance evidence.</li>
 * <li>Limits fixed by law (12 hours, 5 working days, 15 days) cannot be changed; the
 * others are settings ({@code DeadlineSettings}). Escalation runs on one instance at a
 * time (its timer's ShedLock, a pass's advisory lock) and raises each alert once in the
 * cluster.</li>
 * <li>A closed file (closed, or not substantiated) is kept as it was closed: no note,
 * file or service is added to it; anything new about the child is a reason for the chair
 * to reopen it, which starts verification again. The steps that end something (closing,
 * not substantiated, declining a transfer) and a transfer are taken only once confirmed
 * on a page that says what will happen ({@code StepConfirmation}). A case closes with
 * referrals still open ({@link vn.trean.cases.CaseReferrals}, told by the module that
 * sends them) only with the chair's reason, and they stay open; the closing locks the
 * case's row, so it and a referral being sent take turns.</li>
 * <li>A form is editable only by whoever may save it now (the rule of its step,
 * {@code CaseStep.decide}); everyone else who reads the case gets its read-only view and
 * every saved version ({@code SavedFormPage}), and a form sent anyway is refused before
 * it is bound.</li>
 * <li>Break-glass: a provincial manager opens a case outside their scope for a stated
 * reason, for {@code trean.cases.break-glass-duration}, flagged in the access log.</li>
 * </ul>
 * Invariants: the aggregate refuses a transition out of order, naming the state; every
 * step is checked by {@code Authorization} against the case's commune and saved with its
 * timeline entry, form version, clocks and audit entry in one transaction, under
 * optimistic locking on {@code protection_case.version}; every reading writes an access
 * entry; attachments are stored encrypted.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography", "identity", "children",
		"intake", "audit", "directory", "printing" })
package vn.trean.cases;
