package vn.trean.cases;

import java.time.Instant;

import vn.trean.geography.UnitId;

/** A case was opened in a commune. Ids only. */
public record CaseOpened(CaseId caseId, UnitId unit, Instant openedAt) {
}
