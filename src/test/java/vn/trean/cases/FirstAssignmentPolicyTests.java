package vn.trean.cases;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trean.cases.FirstAssignmentPolicy.OfficerLoad;

import static org.assertj.core.api.Assertions.assertThat;

class FirstAssignmentPolicyTests {

	private static final Instant MONDAY = Instant.parse("2026-03-02T02:00:00Z");

	private static final Instant FRIDAY = Instant.parse("2026-03-06T02:00:00Z");

	@Test
	void assignsTheOfficerWithTheFewestOpenCasesWhateverTheirId() {
		assertThat(FirstAssignmentPolicy
			.choose(List.of(new OfficerLoad(1, 3, MONDAY), new OfficerLoad(9, 1, FRIDAY), new OfficerLoad(5, 2, null))))
			.contains(9L);
	}

	@Test
	void amongEquallyLoadedOfficersAssignsTheOneLongestWithoutANewCase() {
		assertThat(FirstAssignmentPolicy.choose(List.of(new OfficerLoad(1, 2, FRIDAY), new OfficerLoad(7, 2, MONDAY))))
			.contains(7L);
	}

	@Test
	void anOfficerWhoNeverHadACaseComesBeforeOneWhoHad() {
		assertThat(FirstAssignmentPolicy.choose(List.of(new OfficerLoad(1, 0, MONDAY), new OfficerLoad(8, 0, null))))
			.contains(8L);
	}

	@Test
	void aTieOnEverythingGoesToTheLowestId() {
		assertThat(FirstAssignmentPolicy.choose(List.of(new OfficerLoad(6, 1, MONDAY), new OfficerLoad(4, 1, MONDAY))))
			.contains(4L);
	}

	@Test
	void aCommuneWithoutOfficersAssignsNobody() {
		assertThat(FirstAssignmentPolicy.choose(List.of())).isEmpty();
	}

}
