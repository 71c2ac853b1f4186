package vn.trean.cases;

import java.time.Instant;

import vn.trean.geography.UnitId;

/** A case moved to another commune, which accepted it. */
public record CaseTransferred(CaseId caseId, UnitId from, UnitId to, Instant acceptedAt) {
}
