/**
 * Case management under the Law on Children 2016 and Decree 56/2017: the case from report
 * to closure ({@link vn.trean.cases.ProtectionCase} and its {@code Status}), the official
 * forms Mẫu 02–06 as versioned JSON documents, the legal clocks on the Vietnamese
 * working-day calendar ({@link vn.trean.cases.DeadlineRules}) and their escalation.
 * <p>
 * Named policies: {@code ClosingPolicy} (Mẫu 06 closing conditions),
 * {@code SeparationPolicy} (15 days unless extended), {@link vn.trean.cases.CaseStep}
 * (who may take which step in which state); the aggregate refuses transitions out of
 * order.
 * <p>
 * Decisions: a case opens from {@code ReportReceived} in the commune the report was
 * routed to; a report about a child who already has an open case in that commune is added
 * to it instead (an open case in another commune does not take it: its officers may not
 * read the report). Reports routed to the province (outside it or unplaced) and non-case
 * contacts open nothing. Every step saves with optimistic locking on
 * {@code protection_case.version}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography", "identity", "children",
		"intake", "audit", "directory", "printing" })
package vn.trean.cases;
