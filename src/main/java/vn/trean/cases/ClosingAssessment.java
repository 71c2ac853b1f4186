package vn.trean.cases;

import vn.trean.shared.FormErrors;

/**
 * Mẫu 06, the review and closing assessment (docs/domain.md §2): is the harm still
 * serious; can the abuser reach the child; obstacles to safety in the care environment;
 * the child's own capacity to protect themself and recover. Each rated high / medium /
 * low.
 */
public record ClosingAssessment(Rating harmStillSerious, Rating abuserCanReach, Rating careObstacles,
		Rating childCapacity, String conclusion) {

	static final int SCHEMA = 1;

	static ClosingAssessment blank() {
		return new ClosingAssessment(null, null, null, null, "");
	}

	FormErrors check() {
		FormErrors errors = new FormErrors();
		if (harmStillSerious == null) {
			errors.reject("harmStillSerious", "validation.required");
		}
		if (abuserCanReach == null) {
			errors.reject("abuserCanReach", "validation.required");
		}
		if (careObstacles == null) {
			errors.reject("careObstacles", "validation.required");
		}
		if (childCapacity == null) {
			errors.reject("childCapacity", "validation.required");
		}
		errors.checkText("conclusion", conclusion, true, 5000);
		return errors;
	}

}
