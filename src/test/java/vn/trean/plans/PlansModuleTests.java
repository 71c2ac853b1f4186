package vn.trean.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.ModuleTest;
import vn.trean.TestUnits;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.plans.PlanProgress.IndicatorProgress;
import vn.trean.plans.PlanProgress.ProgressPage;
import vn.trean.plans.PlanProgress.UnitProgress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Action plans with the modules they depend on (the registers, which count the register
 * indicators, among them): the figures two communes report and the province approves give
 * each commune's progress on the indicator and the city's, the sum of the numerators over
 * the sum of the denominators. Each test rolls back.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTest
@Import(TestUnits.class)
@Transactional
class PlansModuleTests {

	private static final String PERIOD = "2025-H1";

	@Autowired
	PlanRepository plans;

	@Autowired
	PlanReports reports;

	@Autowired
	PlanReportRepository stored;

	@Autowired
	PlanProgress progress;

	@Autowired
	TestUnits units;

	@Test
	void readsTheApprovedFiguresAsEachCommunesProgressAndTheCitysSum() {
		UnitId canTho = units.canTho();
		UnitId caiKhe = units.caiKhe();
		UnitId ninhKieu = units.ninhKieu();
		TestPlans.TestPlan plan = TestPlans.plan(plans, canTho, "M", "Kế hoạch kiểm thử mô-đun", 2025, 2026);
		plans.insert(plan.id(), 1, TestPlans.familiesReached(plan.objective()));
		Indicator families = plans.indicator(plan.id(), "1.1").orElseThrow();
		plans.saveTarget(new Target(families.id(), 2025, canTho, new BigDecimal("90"), "test", Instant.now()));
		Actor province = actor(Role.PROVINCIAL_MANAGER, canTho);

		approve(province, plan, reported(actor(Role.PLAN_REPORTER, caiKhe), plan, families, caiKhe, "120", "200"));
		approve(province, plan, reported(actor(Role.PLAN_REPORTER, ninhKieu), plan, families, ninhKieu, "30", "100"));

		ProgressPage page = progress.progress(province.signedIn(), new PlanId(plan.id()), PERIOD, "1.1");
		assertThat(page.indicators()).singleElement().extracting(IndicatorProgress::city).satisfies(city -> {
			// (120 + 30) / (200 + 100), not the mean of 60 % and 30 %
			assertThat(city.numerator()).isEqualTo(150);
			assertThat(city.denominator()).isEqualTo(300);
			assertThat(city.value()).isEqualByComparingTo("50");
			assertThat(city.target()).isEqualByComparingTo("90");
		});
		assertThat(page.units()).filteredOn(unit -> unit.unit().id().equals(caiKhe))
			.singleElement()
			.extracting(UnitProgress::cell)
			.satisfies(cell -> assertThat(cell.value()).isEqualByComparingTo("60"));
	}

	/**
	 * A unit's report of the period, started, filled in and submitted by its reporter.
	 */
	private ReportId reported(Actor reporter, TestPlans.TestPlan plan, Indicator indicator, UnitId unit,
			String numerator, String denominator) {
		PlanId planId = new PlanId(plan.id());
		ReportId report = reports.start(reporter, planId, new PlanReports.Start(unit.toString(), PERIOD));
		reports.save(reporter, planId, report,
				new PlanReports.Figures(Map.of("version", version(plan, report), "step", "submit",
						"indicator-" + indicator.id() + "-numerator", numerator,
						"indicator-" + indicator.id() + "-denominator", denominator)));
		return report;
	}

	private void approve(Actor province, TestPlans.TestPlan plan, ReportId report) {
		reports.approve(province, new PlanId(plan.id()), report, new PlanReports.Decision(version(plan, report), null));
	}

	private String version(TestPlans.TestPlan plan, ReportId report) {
		return String.valueOf(stored.find(plan.id(), report.value()).orElseThrow().version());
	}

	private static Actor actor(Role role, UnitId unit) {
		return Actor.of(new CurrentUser(0, "plans-module-test", "Người kiểm thử " + role, Set.of(role), unit, null),
				"192.0.2.10");
	}

}
