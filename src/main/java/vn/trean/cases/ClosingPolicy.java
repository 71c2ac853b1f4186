package vn.trean.cases;

/**
 * When a case may close (ND 56 step 11, Mẫu 06): the harm is no longer serious, the
 * abuser cannot reach the child, nothing in the care environment stands in the way of
 * safety (all rated low), and the child's own capacity to protect themself and recover is
 * not low. Otherwise only the chair's recorded override with a reason closes it.
 */
final class ClosingPolicy {

	private ClosingPolicy() {
	}

	/** Allowed, or refused with the message key of the reason. */
	record Verdict(boolean allowed, String reason) {
	}

	static Verdict assess(ClosingAssessment assessment) {
		if (assessment == null) {
			return new Verdict(false, "case.close.no-assessment");
		}
		if (assessment.harmStillSerious() != Rating.LOW) {
			return new Verdict(false, "case.close.harm-serious");
		}
		if (assessment.abuserCanReach() != Rating.LOW) {
			return new Verdict(false, "case.close.abuser-reach");
		}
		if (assessment.careObstacles() != Rating.LOW) {
			return new Verdict(false, "case.close.care-obstacles");
		}
		if (assessment.childCapacity() == Rating.LOW) {
			return new Verdict(false, "case.close.child-capacity");
		}
		return new Verdict(true, null);
	}

}
