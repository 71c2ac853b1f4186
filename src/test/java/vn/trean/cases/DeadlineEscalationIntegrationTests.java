package vn.trean.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportReceipt;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation of a case's clocks: the assigned officer warned before the plan is due,
 * the chair told when it is missed, the province when it stays missed; each alert raised
 * once, even when two instances run the job at the same moment; the 5-working-day clock
 * runs across Tết on the seeded calendar.
 */
@IntegrationTest
class DeadlineEscalationIntegrationTests {

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	Intake intake;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Autowired
	CaseLists lists;

	@Autowired
	DeadlineEscalation escalation;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	UnitId caiKhe;

	CurrentUser officer;

	CurrentUser chair;

	CurrentUser province;

	@BeforeEach
	void people() {
		caiKhe = testUnits.caiKhe();
		officer = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		chair = testCases.user(testAccounts.create(Role.COMMUNE_CHAIR, "31120"));
		province = testCases.user(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
	}

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void thePlanClockStartedBeforeTetRunsAcrossItIsMissedAndEscalatesToTheChairThenTheProvince() {
		// Thursday 12 February 2026, 10:00: Tết is off from Saturday 14 to Sunday 22
		clock.travelTo(LocalDateTime.of(2026, 2, 12, 10, 0).atZone(Time.ZONE).toInstant());
		CaseId id = assessedCase("Đoàn Thị Xuân");
		CaseDeadline plan = testCases.deadline(id, DeadlineStep.PLAN);
		// Fri 13, Mon 23, Tue 24, Wed 25, Thu 26: due at the end of Thursday 26 February
		assertThat(plan.dueAt()).isEqualTo(LocalDateTime.of(2026, 2, 27, 0, 0).atZone(Time.ZONE).toInstant());

		clock.travelTo(plan.dueAt().minus(Duration.ofHours(6)));
		escalation.run();
		assertThat(alerts(id, "DUE_SOON")).containsExactly(officer.id());

		clock.travelTo(plan.dueAt().plus(Duration.ofMinutes(5)));
		escalation.run();
		assertThat(alerts(id, "OVERDUE")).contains(officer.id(), chair.id()).doesNotContain(province.id());
		assertThat(testCases.deadline(id, DeadlineStep.PLAN).escalation()).isEqualTo(Escalation.OVERDUE);
		assertThat(CaseWorkflowIntegrationTests.allPages(page -> lists.overdue(Actor.of(chair, "ip"), page)))
			.anyMatch(o -> o.caseId().equals(id) && o.step() == DeadlineStep.PLAN);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'CASE_DEADLINE_MISSED' AND target_id = ?")
			.param(id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);

		clock.travelTo(plan.dueAt().plus(Duration.ofHours(25)));
		escalation.run();
		assertThat(alerts(id, "PROVINCE")).contains(province.id(), chair.id());

		escalation.run();
		assertThat(jdbc.sql("SELECT count(*) FROM case_alert WHERE case_id = ?")
			.param(id.value())
			.query(Long.class)
			.single())
			.isEqualTo(alerts(id, "DUE_SOON").size() + alerts(id, "OVERDUE").size() + alerts(id, "PROVINCE").size());
	}

	@Test
	void aClockMetInTimeRaisesNothing() {
		clock.travelTo(LocalDateTime.of(2026, 3, 2, 9, 0).atZone(Time.ZONE).toInstant());
		CaseId id = assessedCase("Bạch Thu Hà");
		forms.recordNeedsAssessment(Actor.of(officer, "ip"), id, testCases.version(id), new NeedsAssessment("Khỏe",
				"Ổn", "Gia đình", Rating.LOW, "Tư vấn", java.time.LocalDate.of(2026, 3, 2), "Cán bộ", "Biên bản"));
		forms.draftPlan(Actor.of(officer, "ip"), id, testCases.version(id), ProtectionCaseTests.plan());
		workflow.submitPlan(Actor.of(officer, "ip"), id, testCases.version(id));
		Instant due = testCases.deadline(id, DeadlineStep.PLAN).dueAt();

		clock.travelTo(due.plus(Duration.ofHours(2)));
		escalation.run();

		assertThat(testCases.deadline(id, DeadlineStep.PLAN).escalation()).isEqualTo(Escalation.NONE);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM case_alert a JOIN case_deadline d ON d.id = a.deadline_id
				WHERE a.case_id = ? AND d.step = 'PLAN'""").param(id.value()).query(Long.class).single()).isZero();
		// the chair has not decided on the submitted plan in 3 working days: that clock
		// is late
		assertThat(CaseWorkflowIntegrationTests.allPages(page -> lists.overdue(Actor.of(chair, "ip"), page)))
			.anyMatch(o -> o.caseId().equals(id) && o.step() == DeadlineStep.APPROVAL);
	}

	@Test
	void twoInstancesRunningTheJobAtOnceRaiseEachAlertOnce() throws Exception {
		clock.travelTo(LocalDateTime.of(2026, 4, 6, 9, 0).atZone(Time.ZONE).toInstant());
		CaseId id = assessedCase("Hà Minh Châu");
		clock.travelTo(testCases.deadline(id, DeadlineStep.PLAN).dueAt().plus(Duration.ofMinutes(1)));

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> runs = List.of(escalation::run, escalation::run);
			List<Integer> raised = new ArrayList<>();
			for (Future<Integer> f : pool.invokeAll(runs)) {
				raised.add(f.get());
			}
			escalation.run();
		}
		finally {
			pool.shutdown();
		}

		assertThat(alerts(id, "OVERDUE")).doesNotHaveDuplicates().contains(officer.id(), chair.id());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'CASE_DEADLINE_MISSED' AND target_id = ?")
			.param(id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private CaseId assessedCase(String name) {
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		ReportReceipt receipt = intake.record(operator,
				ReportDrafts.at(caiKhe)
					.withChild(name, 10)
					.withHarm(HarmForm.NEGLECT)
					.withAccount("Trẻ thường bị bỏ đói.")
					.build());
		CaseId id = testCases.caseOf(receipt);
		workflow.assign(Actor.of(chair, "ip"), id, testCases.version(id), new CaseWorkflow.Assignment(officer.id()));
		workflow.confirmHarm(Actor.of(officer, "ip"), id, testCases.version(id), "Đã xác minh.");
		forms.recordInitialAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				CaseWorkflowIntegrationTests.initialAssessment(false));
		// other tests' clocks must not interfere: settle the verification clock of this
		// case; no emergency measures recommended, so only the plan's clock runs
		return id;
	}

	private List<Long> alerts(CaseId id, String level) {
		return jdbc.sql("SELECT user_id FROM case_alert WHERE case_id = ? AND level = ? ORDER BY user_id")
			.param(id.value())
			.param(level)
			.query(Long.class)
			.list();
	}

}
