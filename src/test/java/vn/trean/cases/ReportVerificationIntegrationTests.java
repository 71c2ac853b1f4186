package vn.trean.cases;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportReceipt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake learns when the verification of a report's case is over, and when a reopened
 * case verifies again: a report is sent back for more information only until then.
 */
@IntegrationTest
class ReportVerificationIntegrationTests {

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestCases testCases;

	@Autowired
	Intake intake;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	JdbcClient jdbc;

	@Test
	void confirmingTheHarmEndsTheReportsVerification() {
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO));
		ReportReceipt receipt = intake.record(operator,
				ReportDrafts.at(testUnits.id(TestUnits.CAI_KHE))
					.withChild("Lâm Thị Kim Ngân", 10)
					.withHarm(HarmForm.NEGLECT)
					.withAccount("Trẻ ở nhà một mình nhiều ngày.")
					.build());
		CaseId id = testCases.caseOf(receipt);
		CurrentUser officer = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));
		assertThat(settled(receipt)).isFalse();

		workflow.confirmHarm(Actor.of(officer, "ip"), id, testCases.version(id), "Đã xác minh.");

		assertThat(settled(receipt)).isTrue();
	}

	private boolean settled(ReportReceipt receipt) {
		return jdbc.sql("SELECT verification_settled FROM report WHERE id = ?")
			.param(receipt.id().value())
			.query(Boolean.class)
			.single();
	}

}
