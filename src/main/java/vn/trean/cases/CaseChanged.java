package vn.trean.cases;

import java.time.Instant;

/**
 * Something about a case changed: it was opened, took a step, took in a report, had a
 * form saved or a service recorded. Carries the id only; a reader of the case's facts
 * ({@link CaseStatisticsFacts}) reads the rest.
 */
public record CaseChanged(CaseId caseId, Instant occurredAt) {
}
