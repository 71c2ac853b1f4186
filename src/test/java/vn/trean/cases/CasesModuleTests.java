package vn.trean.cases;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;

import vn.trean.ModuleTest;
import vn.trean.ReportDrafts;
import vn.trean.TestUnits;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportDraft;
import vn.trean.intake.ReportHandlingStarted;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case work with the modules it depends on (intake among them, which hands it its
 * reports): an emergency report received in a commune opens a case there, from the
 * persisted {@code ReportReceived} after the report committed, with the 12-hour clock
 * from receipt; the commune's officer takes its first step, starting the verification,
 * and intake hears that its report is being handled.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTest
@Import(TestUnits.class)
class CasesModuleTests {

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUnits units;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opensACaseFromAReceivedReportAndStartsItsVerification(Scenario scenario, AssertablePublishedEvents events) {
		UnitId caiKhe = units.caiKhe();
		CurrentUser operator = account(Role.HOTLINE_OPERATOR, units.canTho());
		Actor officer = Actor.of(account(Role.COMMUNE_OFFICER, caiKhe), "192.0.2.9");

		scenario.stimulate(() -> intake.record(operator, emergencyReportAt(caiKhe)))
			.andWaitForStateChange(() -> caseOfAReportBy(operator), Optional::isPresent)
			.andVerify((opened, receipt) -> {
				CaseId id = opened.orElseThrow();
				CaseView view = cases.open(officer, id);
				assertThat(view.protectionCase().status()).isEqualTo(ProtectionCase.Status.RECEIVED);
				assertThat(view.protectionCase().unit()).isEqualTo(caiKhe);
				assertThat(view.reports()).containsExactly(receipt.id().value());
				assertThat(view.deadlines()).filteredOn(clock -> clock.step() == DeadlineStep.EMERGENCY_DECISION)
					.singleElement()
					.satisfies(clock -> assertThat(clock.dueAt())
						.isEqualTo(receipt.receivedAt().plus(Duration.ofHours(12))));
				assertThat(view.can(CaseStep.START_VERIFICATION)).isTrue();

				workflow.startVerification(officer, id, view.protectionCase().version());

				CaseView started = cases.open(officer, id);
				assertThat(started.protectionCase().status()).isEqualTo(ProtectionCase.Status.VERIFYING);
				assertThat(started.timeline()).extracting(TimelineEntry::kind).contains("VERIFICATION_STARTED");
				assertThat(events).contains(ReportHandlingStarted.class)
					.matching(ReportHandlingStarted::reportId, receipt.id());
			});
	}

	private static ReportDraft emergencyReportAt(UnitId commune) {
		return ReportDrafts.at(commune)
			.withChild("Võ Thị Thu", 9)
			.withHarm(HarmForm.SEXUAL_MOLESTATION)
			.withPerpetratorAccess()
			.withDangerSigns(DangerSign.SEXUAL_ABUSE_WITHIN_72_HOURS)
			.build();
	}

	/** The case a report the user recorded went into, if the case work has run. */
	private Optional<CaseId> caseOfAReportBy(CurrentUser user) {
		return jdbc
			.sql("SELECT c.case_id FROM case_report c JOIN report r ON r.id = c.report_id WHERE r.received_by = ?")
			.param(user.id())
			.query(UUID.class)
			.optional()
			.map(CaseId::new);
	}

	private CurrentUser account(Role role, UnitId unit) {
		long id = accounts.provision(new Accounts.AccountDetails("cases-module-test-" + System.nanoTime(),
				"Người kiểm thử " + role, null, unit, null, EnumSet.of(role), true), "Kiem-thu-mat-khau-2026", false,
				false, null);
		return accounts.current(id).orElseThrow();
	}

}
