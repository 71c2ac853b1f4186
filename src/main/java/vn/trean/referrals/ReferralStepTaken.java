package vn.trean.referrals;

import java.time.Instant;

import vn.trean.cases.CaseId;
import vn.trean.shared.AgencyId;

/**
 * A step was taken on a referral (ids only): for the notifications of the agency and the
 * case's commune.
 */
public record ReferralStepTaken(ReferralId referral, String code, CaseId caseId, AgencyId agency, String kind,
		Referral.Status status, Instant at) {
}
