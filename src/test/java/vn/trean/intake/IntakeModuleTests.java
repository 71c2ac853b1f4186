package vn.trean.intake;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.ModuleTest;
import vn.trean.ReportDrafts;
import vn.trean.TestUnits;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake with the modules it depends on, the directory (the agency lookup identity asks
 * for) and the case work (the 12-hour clock intake asks for through
 * {@link EmergencyClock}): an emergency report a hotline operator records is stored,
 * routed to the commune where it happened and announced with {@link ReportReceived}. Each
 * test rolls back, so no case opens from it.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "directory", "cases" })
@ModuleTest
@Import(TestUnits.class)
@Transactional
class IntakeModuleTests {

	@Autowired
	Intake intake;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUnits units;

	@Test
	void storesAnEmergencyReportRoutedToItsCommuneAndAnnouncesIt(AssertablePublishedEvents events) {
		UnitId caiKhe = units.caiKhe();
		CurrentUser operator = operator();

		ReportReceipt receipt = intake.record(operator,
				ReportDrafts.at(caiKhe)
					.withChild("Đỗ Thị Mai", 8)
					.withHarm(HarmForm.SEXUAL_MOLESTATION)
					.withPerpetratorAccess()
					.withDangerSigns(DangerSign.SEXUAL_ABUSE_WITHIN_72_HOURS)
					.build());

		assertThat(receipt.urgency()).isEqualTo(Urgency.EMERGENCY);
		assertThat(receipt.emergencyDecisionDue()).isEqualTo(receipt.receivedAt().plus(Duration.ofHours(12)));
		Report stored = intake.open(Actor.of(operator, "192.0.2.8"), receipt.id()).report();
		assertThat(stored.referenceCode()).isEqualTo(receipt.referenceCode());
		assertThat(stored.routedTo()).isEqualTo(caiKhe);
		assertThat(stored.children()).singleElement().satisfies(child -> {
			assertThat(child.fullName()).isEqualTo("Đỗ Thị Mai");
			assertThat(child.childId()).isNotNull();
		});
		assertThat(events).contains(ReportReceived.class)
			.matching(ReportReceived::reportId, receipt.id())
			.matching(ReportReceived::routedTo, caiKhe)
			.matching(ReportReceived::urgency, Urgency.EMERGENCY);
	}

	private CurrentUser operator() {
		long id = accounts.provision(
				new Accounts.AccountDetails("intake-module-test-" + System.nanoTime(), "Điện thoại viên thử", null,
						units.canTho(), null, EnumSet.of(Role.HOTLINE_OPERATOR), true),
				"Kiem-thu-mat-khau-2026", false, false, null);
		return accounts.current(id).orElseThrow();
	}

}
