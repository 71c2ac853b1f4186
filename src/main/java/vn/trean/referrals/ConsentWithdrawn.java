package vn.trean.referrals;

import vn.trean.cases.CaseId;
import vn.trean.children.ChildId;

/**
 * A consent was withdrawn: the open referrals that relied on it show the receiving agency
 * nothing more until a new ground is recorded for the case, child and purpose.
 */
public record ConsentWithdrawn(long consentId, CaseId caseId, ChildId child, SharingPurpose purpose) {
}
