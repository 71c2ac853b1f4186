package vn.trean.cases;

import java.time.Instant;

import vn.trean.geography.UnitId;

/** The commune chair approved a case's support/intervention plan. */
public record PlanApproved(CaseId caseId, UnitId unit, Instant approvedAt) {
}
