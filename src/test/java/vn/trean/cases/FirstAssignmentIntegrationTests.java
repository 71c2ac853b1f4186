package vn.trean.cases;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportDraft;
import vn.trean.intake.ReportReceipt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first assignment of a case opened from a report, in a commune no other test staffs
 * (Thới Long), so that its officers' loads are the ones made here.
 */
@IntegrationTest
class FirstAssignmentIntegrationTests {

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewCaseGoesToTheOfficerWithTheFewestOpenCasesThenToTheOneLongestWithoutANewCase() {
		UnitId thoiLong = testUnits.id("31157");
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		CurrentUser lower = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "31157"));
		CurrentUser higher = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "31157"));
		assertThat(lower.id()).isLessThan(higher.id());
		// the officer with the higher id opens a case by hand: one open case, the
		// earliest
		ReportReceipt counselling = intake.record(operator, report(thoiLong, "Trịnh Thị Một", false));
		cases.openFromReport(higher, counselling.id(), "ip");

		CaseId fewestOpen = testCases.caseOf(intake.record(operator, report(thoiLong, "Trịnh Thị Hai", true)));
		CaseId longestWithout = testCases.caseOf(intake.record(operator, report(thoiLong, "Trịnh Thị Ba", true)));
		CaseId fewestAgain = testCases.caseOf(intake.record(operator, report(thoiLong, "Trịnh Thị Bốn", true)));

		assertThat(officerOf(fewestOpen)).as("no open case against one").isEqualTo(lower.id());
		assertThat(officerOf(longestWithout)).as("one each: the earlier new case goes first, whatever the id")
			.isEqualTo(higher.id());
		assertThat(officerOf(fewestAgain)).as("one open case against two").isEqualTo(lower.id());
	}

	private long officerOf(CaseId id) {
		return jdbc.sql("SELECT assigned_officer_id FROM protection_case WHERE id = ?")
			.param(id.value())
			.query(Long.class)
			.single();
	}

	private static ReportDraft report(UnitId commune, String child, boolean harm) {
		ReportDrafts draft = ReportDrafts.at(commune)
			.withChild(child, 10)
			.withAccount("Hàng xóm nghe thấy trẻ kêu cứu.");
		if (harm) {
			draft.withHarm(HarmForm.VIOLENCE).withDangerSigns(DangerSign.INJURIES_NEEDING_CARE);
		}
		else {
			draft.withCounselling();
		}
		return draft.build();
	}

}
