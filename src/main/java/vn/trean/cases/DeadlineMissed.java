package vn.trean.cases;

import java.time.Instant;

import vn.trean.geography.UnitId;

/** A legal clock of a case ran out before its step was done. */
public record DeadlineMissed(CaseId caseId, UnitId unit, DeadlineStep step, Instant dueAt) {
}
