package vn.trean.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.trean.shared.PlainText;

/**
 * Mẫu 06, the review and closing assessment (docs/domain.md §2): is the harm still
 * serious; can the abuser reach the child; obstacles to safety in the care environment;
 * the child's own capacity to protect themself and recover. Each rated high / medium /
 * low.
 */
public record ClosingAssessment(@NotNull Rating harmStillSerious, @NotNull Rating abuserCanReach,
		@NotNull Rating careObstacles, @NotNull Rating childCapacity,
		@NotBlank @PlainText(max = 5000, markup = true) String conclusion) {

	static final int SCHEMA = 1;

	static ClosingAssessment blank() {
		return new ClosingAssessment(null, null, null, null, "");
	}

}
