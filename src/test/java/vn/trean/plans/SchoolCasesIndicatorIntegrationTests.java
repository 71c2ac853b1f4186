package vn.trean.plans;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.cases.CaseId;
import vn.trean.cases.CaseWorkflow;
import vn.trean.cases.TestCases;
import vn.trean.cases.TestCommune;
import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Setting;
import vn.trean.referrals.DraftForm;
import vn.trean.referrals.ReferralAnswers;
import vn.trean.referrals.ReferralId;
import vn.trean.referrals.ReferralService;
import vn.trean.referrals.Referrals;
import vn.trean.registers.RegisterCounts;
import vn.trean.registers.RegisterCounts.Count;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicator 3.2 counted from the cases and their school referrals: a school-related case
 * with harm confirmed counts in the denominator of its commune and year, and in the
 * numerator once a school completed its referral with both clocks met in time; the
 * progress page, the trace and the dashboard show the figure with case and referral
 * codes, never a child's name. Other tests' cases count too, so each test compares before
 * and after.
 */
@IntegrationTest
class SchoolCasesIndicatorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestCommune commune;

	@Autowired
	TestCases testCases;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestClock clock;

	@Autowired
	Directory directory;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	Referrals referrals;

	@Autowired
	ReferralAnswers answers;

	@Autowired
	RegisterCounts registerCounts;

	@Autowired
	PlanRepository plans;

	@Autowired
	JdbcClient jdbc;

	private final int year = LocalDate.now(Time.ZONE).getYear();

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void aSchoolCaseTheSchoolSupportedInTimeCountsOverItself() {
		UnitId caiKhe = testUnits.caiKhe();
		long[] before = figures(caiKhe);
		SchoolCase c = harmConfirmed(TestUnits.CAI_KHE, Setting.SCHOOL);
		ReferralId referral = c.referTo(Sector.SCHOOL, ReferralService.SCHOOL_SUPPORT);
		c.accept(referral);
		c.complete(referral);

		assertThat(figures(caiKhe)).containsExactly(before[0] + 1, before[1] + 1);
		assertThat(labels(caiKhe, Count.SCHOOL_CASES_SUPPORTED_IN_TIME)).contains(c.code() + " · " + code(referral));
		assertThat(labels(caiKhe, Count.SCHOOL_CASES)).contains(c.code() + " · " + code(referral));
		RegisterCounts.Grouped grouped = registerCounts.countsByCommune(testUnits.canTho(), year, year,
				EnumSet.of(Count.SCHOOL_CASES, Count.SCHOOL_CASES_SUPPORTED_IN_TIME));
		RegisterCounts.Figures own = registerCounts.counts(caiKhe, year);
		for (Count count : EnumSet.of(Count.SCHOOL_CASES, Count.SCHOOL_CASES_SUPPORTED_IN_TIME)) {
			assertThat(grouped.get(caiKhe, year).get(count)).as(count.name()).isEqualTo(own.get(count));
			assertThat(grouped.get(testUnits.canTho(), year).get(count)).as(count.name())
				.isEqualTo(registerCounts.counts(testUnits.canTho(), year).get(count));
		}
		// while it is being handed to another commune the case counts as it was
		jdbc.sql("""
				UPDATE protection_case SET status_before_transfer = status, status = 'TRANSFERRING',
				  transfer_to_unit_id = ? WHERE id = ?""").params(testUnits.ninhKieu().value(), c.id.value()).update();
		assertThat(figures(caiKhe)).containsExactly(before[0] + 1, before[1] + 1);
	}

	@Test
	void aSchoolReferralCompletedAfterItsDueTimeCountsOnlyInTheDenominator() {
		UnitId caiKhe = testUnits.caiKhe();
		long[] before = figures(caiKhe);
		SchoolCase c = harmConfirmed(TestUnits.CAI_KHE, Setting.SCHOOL);
		ReferralId referral = c.referTo(Sector.SCHOOL, ReferralService.SCHOOL_SUPPORT);
		c.accept(referral);
		clock.travelTo(due(referral, "COMPLETION").plus(Duration.ofHours(1)));
		c.complete(referral);
		clock.reset();

		assertThat(figures(caiKhe)).containsExactly(before[0], before[1] + 1);
		assertThat(labels(caiKhe, Count.SCHOOL_CASES)).contains(c.code() + " · " + code(referral));
		assertThat(labels(caiKhe, Count.SCHOOL_CASES_SUPPORTED_IN_TIME)).noneMatch(l -> l.startsWith(c.code()));
	}

	@Test
	void aSchoolReferralAnsweredAfterItsDueTimeCountsOnlyInTheDenominatorThoughCompletedInTime() {
		UnitId caiKhe = testUnits.caiKhe();
		long[] before = figures(caiKhe);
		SchoolCase c = harmConfirmed(TestUnits.CAI_KHE, Setting.SCHOOL);
		ReferralId referral = c.referTo(Sector.SCHOOL, ReferralService.SCHOOL_SUPPORT);
		clock.travelTo(due(referral, "RESPONSE").plus(Duration.ofHours(1)));
		c.accept(referral);
		c.complete(referral);
		clock.reset();

		assertThat(jdbc.sql("SELECT met_at <= due_at FROM referral_deadline WHERE referral_id = ? AND clock = ?")
			.params(referral.value(), "COMPLETION")
			.query(Boolean.class)
			.single()).as("completed in time").isTrue();
		assertThat(figures(caiKhe)).containsExactly(before[0], before[1] + 1);
	}

	@Test
	void aCaseReferredToAnEducationDepartmentIsSchoolRelatedWhereverTheHarmHappened() {
		UnitId caiKhe = testUnits.caiKhe();
		long[] before = figures(caiKhe);
		SchoolCase c = harmConfirmed(TestUnits.CAI_KHE, Setting.FAMILY);
		ReferralId referral = c.referTo(Sector.EDUCATION_DEPARTMENT, ReferralService.SCHOOL_SUPPORT);

		assertThat(figures(caiKhe)).containsExactly(before[0], before[1] + 1);
		c.accept(referral);
		c.complete(referral);
		assertThat(figures(caiKhe)).containsExactly(before[0] + 1, before[1] + 1);
	}

	@Test
	void aCaseNotRelatedToSchoolOrNotSubstantiatedCountsInNeither() {
		UnitId caiKhe = testUnits.caiKhe();
		long[] before = figures(caiKhe);
		SchoolCase atHome = harmConfirmed(TestUnits.CAI_KHE, Setting.FAMILY);
		ReferralId health = atHome.referTo(Sector.HEALTH_FACILITY, ReferralService.MEDICAL_EXAMINATION_TREATMENT);
		atHome.accept(health);
		atHome.completeHealth(health);
		String officer = commune.officer();
		Actor actor = Actor.of(testCases.user(officer), "127.0.0.1");
		CaseId unfounded = commune.reported(report(TestUnits.CAI_KHE, Setting.SCHOOL, "Lê Văn An"));
		workflow.startVerification(actor, unfounded, testCases.version(unfounded));
		workflow.closeAsNotSubstantiated(actor, unfounded, testCases.version(unfounded), "Không có căn cứ");

		assertThat(figures(caiKhe)).containsExactly(before[0], before[1]);
		assertThat(labels(caiKhe, Count.SCHOOL_CASES)).noneMatch(l -> l.startsWith(atHome.code()))
			.noneMatch(l -> l.startsWith(testCases.reference(unfounded)));
	}

	@Test
	void aCaseOfAnotherCommuneCountsInItsOwnCommuneAndTheCityOnly() {
		UnitId caiKhe = testUnits.caiKhe();
		UnitId ninhKieu = testUnits.ninhKieu();
		long[] caiKheBefore = figures(caiKhe);
		long[] ninhKieuBefore = figures(ninhKieu);
		long[] cityBefore = figures(testUnits.canTho());
		SchoolCase c = harmConfirmed(TestUnits.NINH_KIEU, Setting.SCHOOL);
		ReferralId referral = c.referTo(Sector.SCHOOL, ReferralService.SCHOOL_SUPPORT);
		c.accept(referral);
		c.complete(referral);

		assertThat(figures(ninhKieu)).containsExactly(ninhKieuBefore[0] + 1, ninhKieuBefore[1] + 1);
		assertThat(figures(caiKhe)).containsExactly(caiKheBefore[0], caiKheBefore[1]);
		assertThat(figures(testUnits.canTho())).containsExactly(cityBefore[0] + 1, cityBefore[1] + 1);
		assertThat(labels(caiKhe, Count.SCHOOL_CASES)).noneMatch(l -> l.startsWith(c.code()));
	}

	@Test
	void theProgressPageTheTraceAndTheDashboardShowThe32FigureWithCodesAndNoChildName() {
		TestPlans.TestPlan created = TestPlans.plan(plans, testUnits.canTho(), "T", "Kế hoạch kiểm thử chỉ tiêu 3.2",
				year, year);
		long plan = created.id();
		plans.insert(plan, 1, TestPlans.pupilsSupported(created.objective()));
		SchoolCase c = harmConfirmed(TestUnits.CAI_KHE, Setting.SCHOOL);
		ReferralId referral = c.referTo(Sector.SCHOOL, ReferralService.SCHOOL_SUPPORT);
		c.accept(referral);
		c.complete(referral);
		UnitId caiKhe = testUnits.caiKhe();
		long[] figures = figures(caiKhe);
		String counts = figures[0] + " / " + figures[1];
		TestUserAgent manager = new TestUserAgent(port);
		assertThat(manager.signIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO)).status())
			.isEqualTo(302);

		Document progress = Jsoup
			.parse(manager.get("/plans/" + plan + "/progress?period=" + year + "&indicator=3.2").body());
		assertThat(progress.select("#indicator-3\\.2 .value").text()).endsWith("%");
		assertThat(progress.select("#unit-" + caiKhe.value() + " .counts").text()).isEqualTo(counts);

		var trace = manager
			.get("/plans/" + plan + "/progress/trace?indicator=3.2&period=" + year + "&unit=" + caiKhe.value());
		assertThat(trace.status()).isEqualTo(200);
		Document page = Jsoup.parse(trace.body());
		assertThat(page.select("#total-numerator").text()).isEqualTo(Long.toString(figures[0]));
		assertThat(page.select("#total-denominator").text()).isEqualTo(Long.toString(figures[1]));
		assertThat(page.select("#records-numerator tr.record th").eachText())
			.contains(c.code() + " · " + code(referral));
		assertThat(page.select("#records-denominator tr.record").text()).contains(c.code(), "Phường Cái Khế");
		assertThat(trace.body()).doesNotContain(c.childName());

		Document dashboard = Jsoup.parse(manager.get("/plans/" + plan + "/dashboard?year=" + year).body());
		assertThat(dashboard.select("#dashboard thead th[scope=col] a").eachText()).containsExactly("3.2");
		assertThat(dashboard.selectFirst("#u" + caiKhe.value()).select("td").get(0).text())
			.contains(figures[0] + "/" + figures[1]);
	}

	/** The numerator and the denominator of 3.2 for the unit this year. */
	private long[] figures(UnitId unit) {
		RegisterCounts.Figures figures = registerCounts.counts(unit, year);
		return new long[] { figures.get(Count.SCHOOL_CASES_SUPPORTED_IN_TIME), figures.get(Count.SCHOOL_CASES) };
	}

	private java.util.List<String> labels(UnitId unit, Count count) {
		return registerCounts.trace(unit, year, count).stream().map(RegisterCounts.TracedRecord::label).toList();
	}

	private String code(ReferralId id) {
		return jdbc.sql("SELECT reference_code FROM referral WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.single();
	}

	private Instant due(ReferralId id, String clockName) {
		return jdbc.sql("SELECT due_at FROM referral_deadline WHERE referral_id = ? AND clock = ?")
			.params(id.value(), clockName)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private vn.trean.intake.ReportDraft report(String unitCode, Setting setting, String child) {
		return ReportDrafts.at(testUnits.id(unitCode))
			.withChild(child, 10)
			.withHarm(HarmForm.VIOLENCE)
			.withSetting(setting)
			.build();
	}

	/**
	 * A case of the commune with harm confirmed, its officer, and the referrals of its
	 * child as the officer sends them and a focal point of the agency answers them.
	 */
	private SchoolCase harmConfirmed(String unitCode, Setting setting) {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, unitCode);
		Actor actor = Actor.of(testCases.user(officer), "127.0.0.1");
		String name = "Trần Thị Hoa " + UUID.randomUUID().toString().substring(0, 6);
		CaseId id = commune.reported(report(unitCode, setting, name));
		workflow.startVerification(actor, id, testCases.version(id));
		workflow.confirmHarm(actor, id, testCases.version(id), "Có dấu hiệu bạo lực");
		long child = jdbc.sql("SELECT child_id FROM case_child WHERE case_id = ?")
			.param(id.value())
			.query(Long.class)
			.single();
		return new SchoolCase(id, testCases.reference(id), name, child, unitCode, actor);
	}

	private final class SchoolCase {

		private final CaseId id;

		private final String code;

		private final String childName;

		private final long child;

		private final String unitCode;

		private final Actor officer;

		private Actor focalPoint;

		SchoolCase(CaseId id, String code, String childName, long child, String unitCode, Actor officer) {
			this.id = id;
			this.code = code;
			this.childName = childName;
			this.child = child;
			this.unitCode = unitCode;
			this.officer = officer;
		}

		String code() {
			return code;
		}

		String childName() {
			return childName;
		}

		/** Sends a referral to a new agency of the sector, with the consents it needs. */
		ReferralId referTo(Sector sector, ReferralService service) {
			AgencyId agency = directory.registerDemo(new Directory.AgencyDetails(
					"Cơ quan " + sector + " " + UUID.randomUUID().toString().substring(0, 6), sector,
					testUnits.id(unitCode), null, null, null, null));
			focalPoint = Actor.of(testCases.user(testAccounts.create(Role.AGENCY_FOCAL_POINT, unitCode, agency, true)),
					"127.0.0.1");
			consent(service == ReferralService.SCHOOL_SUPPORT ? "EDUCATION_SUPPORT" : "HEALTH_CARE");
			ReferralId referral = referrals.draft(officer, id, new DraftForm(child, agency.value(), Set.of(service),
					null, null, "Hỗ trợ trẻ", "Lớp 5A", null, null, null, null, null, null, false));
			referrals.send(officer, referral, version(referral));
			return referral;
		}

		void accept(ReferralId referral) {
			answers.accept(focalPoint, referral, version(referral));
		}

		void complete(ReferralId referral) {
			answers.complete(focalPoint, referral, version(referral),
					new ReferralAnswers.Completion(
							new vn.trean.referrals.SchoolOutcome(LocalDate.now(clock.withZone(Time.ZONE)),
									java.util.List.of(vn.trean.referrals.SchoolOutcome.Measure.CLASS_OR_SEAT_CHANGE), 3,
									true, null, "Tư vấn tại trường 3 buổi")));
		}

		void completeHealth(ReferralId referral) {
			LocalDate today = LocalDate.now(clock.withZone(Time.ZONE));
			answers.complete(focalPoint, referral, version(referral), new ReferralAnswers.Completion(
					new vn.trean.referrals.HealthOutcome(today, today, null, null, false, null, null, null)));
		}

		private void consent(String purpose) {
			long consent = jdbc.sql("""
					INSERT INTO referral_consent (case_id, child_id, unit_id, purpose, child_age_on_day, recorded_by,
					  recorded_at)
					SELECT id, :child, unit_id, :purpose, 10, :officer, :at FROM protection_case WHERE id = :case
					RETURNING id""")
				.param("case", id.value())
				.param("child", child)
				.param("purpose", purpose)
				.param("officer", officer.signedIn().id())
				.param("at", Timestamp.from(Instant.now()))
				.query(Long.class)
				.single();
			jdbc.sql("""
					INSERT INTO consent_giver (consent_id, role, name, method, given_at, witness_name)
					VALUES (:id, 'CHILD', 'Hoa', 'ORAL', now(), 'Cô Lan'), (:id, 'PARENT', 'Mẹ của Hoa', 'ORAL', now(),
					  'Cô Lan')""").param("id", consent).update();
		}

		private int version(ReferralId referral) {
			return jdbc.sql("SELECT version FROM referral WHERE id = ?")
				.param(referral.value())
				.query(Integer.class)
				.single();
		}

	}

}
