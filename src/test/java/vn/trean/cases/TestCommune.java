package vn.trean.cases;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.test.context.TestComponent;

import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportDraft;
import vn.trean.shared.Time;

/**
 * The commune the case tests work in, Cái Khế: fresh accounts for its officer and its
 * chair, a case opened from a report a hotline operator of Cần Thơ takes, brought to the
 * state a test starts from, and the emergency decision its chair takes.
 */
@TestComponent
public class TestCommune {

	private final TestAccounts testAccounts;

	private final TestCases testCases;

	private final Intake intake;

	private final CaseWorkflow workflow;

	private final TestClock clock;

	TestCommune(TestAccounts testAccounts, TestCases testCases, Intake intake, CaseWorkflow workflow, TestClock clock) {
		this.testAccounts = testAccounts;
		this.testCases = testCases;
		this.intake = intake;
		this.workflow = workflow;
		this.clock = clock;
	}

	/** The username of a new officer of the commune. */
	public String officer() {
		return testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
	}

	/** The username of a new chair of the commune. */
	public String chair() {
		return testAccounts.create(Role.COMMUNE_CHAIR, TestUnits.CAI_KHE);
	}

	/** The case opened by the report, taken by a new hotline operator of the province. */
	public CaseId reported(ReportDraft draft) {
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO));
		return testCases.caseOf(intake.record(operator, draft));
	}

	/** The case of the report, verified by the officer and its harm confirmed. */
	public CaseId harmConfirmed(ReportDraft draft, Actor officer, String finding) {
		CaseId id = reported(draft);
		workflow.startVerification(officer, id, testCases.version(id));
		workflow.confirmHarm(officer, id, testCases.version(id), finding);
		return id;
	}

	/** A safe shelter in the commune decided now (to the minute), the risk being high. */
	public EmergencyDecision emergencyDecision() {
		return new EmergencyDecision(LocalDateTime.now(clock.withZone(Time.ZONE)).truncatedTo(ChronoUnit.MINUTES),
				List.of(EmergencyMeasure.SAFE_SHELTER), "Nhà tạm lánh Cái Khế", null, null, null, null, null,
				"Nguy cơ cao");
	}

}
