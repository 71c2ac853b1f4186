package vn.trean.cases;

import java.time.Instant;

import vn.trean.geography.UnitId;

/**
 * A case closed: after the review ({@code substantiated}) or after verification found
 * nothing to act on.
 */
public record CaseClosed(CaseId caseId, UnitId unit, Instant closedAt, boolean substantiated) {
}
