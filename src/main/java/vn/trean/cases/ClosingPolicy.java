package vn.trean.cases;

import vn.trean.shared.Verdict;

/**
 * When a case may close (ND 56 step 11, Mẫu 06): the harm is no longer serious, the
 * abuser cannot reach the child, nothing in the care environment stands in the way of
 * safety (all rated low), and the child's own capacity to protect themself and recover is
 * not low. Otherwise only the chair's recorded override with a reason closes it.
 */
final class ClosingPolicy {

	private ClosingPolicy() {
	}

	/** The assessment allowed, or refused with the message key of the reason. */
	static Verdict<ClosingAssessment> assess(ClosingAssessment assessment) {
		if (assessment == null) {
			return refuse("case.close.no-assessment");
		}
		if (assessment.harmStillSerious() != Rating.LOW) {
			return refuse("case.close.harm-serious");
		}
		if (assessment.abuserCanReach() != Rating.LOW) {
			return refuse("case.close.abuser-reach");
		}
		if (assessment.careObstacles() != Rating.LOW) {
			return refuse("case.close.care-obstacles");
		}
		if (assessment.childCapacity() == Rating.LOW) {
			return refuse("case.close.child-capacity");
		}
		return Verdict.allow(assessment);
	}

	private static Verdict<ClosingAssessment> refuse(String reason) {
		return Verdict.refuse(Verdict.GENERAL, reason);
	}

}
