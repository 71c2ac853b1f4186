package vn.trean.cases;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit codes of the case steps are the ones the audit log has always stored:
 * {@code CASE_} and the step's name, one per step.
 */
class CaseAuditActionTests {

	@Test
	void everyStepIsLoggedUnderItsOwnStoredCode() {
		for (CaseStep step : CaseStep.values()) {
			assertThat(CaseAuditAction.of(step).name()).isEqualTo("CASE_" + step.name());
		}
		assertThat(Arrays.stream(CaseStep.values()).map(CaseAuditAction::of).distinct())
			.hasSize(CaseStep.values().length);
	}

	@Test
	void theCodesOfOpeningBreakGlassAndSettingsStayAsStored() {
		assertThat(CaseAuditAction.CASE_OPENED.name()).isEqualTo("CASE_OPENED");
		assertThat(CaseAuditAction.CASE_OPENED_BY_OFFICER.name()).isEqualTo("CASE_OPENED_BY_OFFICER");
		assertThat(CaseAuditAction.BREAK_GLASS.name()).isEqualTo("BREAK_GLASS");
		assertThat(CaseAuditAction.DEADLINE_RULE_CHANGED.name()).isEqualTo("DEADLINE_RULE_CHANGED");
	}

}
