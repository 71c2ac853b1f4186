package vn.trean.plans;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan 55/KH-UBND as seeded, the plan pages in both languages, who may see and change a
 * plan, and every kind of bad figure refused with a translated message and nothing
 * changed.
 */
@IntegrationTest
class PlansIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Directory directory;

	@Autowired
	PlanSeed seed;

	@Autowired
	PlanRepository repository;

	@Autowired
	ReferenceDenominatorRepository denominators;

	@Autowired
	PlanActivityRepository activityRepository;

	private UnitId canTho;

	private UnitId caiKhe;

	private UnitId haNoi;

	private long plan55;

	@BeforeEach
	void plan() {
		canTho = testUnits.canTho();
		caiKhe = testUnits.caiKhe();
		haNoi = testUnits.id("01");
		plan55 = repository.find(canTho, "55/KH-UBND").orElseThrow().id();
	}

	// ---- the seed ----

	@Test
	void seedHoldsTheFiveObjectivesOfPlan55InThePlansOwnWords() {
		List<String> objectives = jdbc.sql("SELECT text FROM plan_objective WHERE plan_id = ? ORDER BY ordinal")
			.param(plan55)
			.query(String.class)
			.list();

		assertThat(objectives).hasSize(5);
		assertThat(objectives.get(0)).startsWith("Phấn đấu 100% gia đình có trẻ em được cung cấp kiến thức");
		assertThat(objectives.get(4)).isEqualTo(
				"100% cán bộ công an làm công tác điều tra các vụ việc bạo lực, xâm hại tình dục trẻ em được nâng cao "
						+ "năng lực thực hiện hoạt động điều tra thân thiện với trẻ em; thành lập Phòng điều tra thân "
						+ "thiện với trẻ em.");
		assertThat(objectives).allSatisfy(t -> assertThat(Normalizer.isNormalized(t, Normalizer.Form.NFC)).isTrue());
		Plan plan = repository.find(plan55).orElseThrow();
		assertThat(plan.startYear()).isEqualTo(2020);
		assertThat(plan.endYear()).isEqualTo(2025);
		assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2020, 4, 6));
	}

	@Test
	void seededCoverageIndicatorsDefineTheirNumeratorAndDenominator() {
		List<Indicator> indicators = repository.indicators(plan55);

		assertThat(indicators).extracting(Indicator::code)
			.containsExactly("1.1", "1.2", "2.1", "3.1", "3.2", "4.1", "5.1", "5.2");
		assertThat(indicators.stream().filter(Indicator::coverage)).hasSize(7).allSatisfy(i -> {
			assertThat(i.measure()).isEqualTo(Indicator.Measure.PERCENT);
			assertThat(i.numerator()).isNotBlank();
			assertThat(i.denominator()).isNotBlank();
		});
		assertThat(indicators).filteredOn(i -> i.code().equals("1.1"))
			.singleElement()
			.satisfies(i -> assertThat(i.denominatorKind()).isEqualTo(DenominatorKind.FAMILIES_WITH_CHILDREN))
			.satisfies(i -> assertThat(i.source()).isEqualTo(Indicator.Source.REPORTED));
		assertThat(indicators).filteredOn(i -> i.code().equals("2.1"))
			.singleElement()
			.satisfies(i -> assertThat(i.source()).isEqualTo(Indicator.Source.REGISTER));
		// the plan text gives no reporting frequency
		assertThat(indicators).allSatisfy(i -> assertThat(i.frequency()).isNull());
	}

	@Test
	void seedSetsTheCityTargetsOf2025OnlyWhereThePlanSaysAHundredPercent() {
		List<Map<String, Object>> seeded = jdbc
			.sql("""
					SELECT i.code, t.year, t.unit_id, t.value FROM plan_target t JOIN plan_indicator i ON i.id = t.indicator_id
					WHERE i.plan_id = ? AND t.entered_by = 'system' ORDER BY i.code""")
			.param(plan55)
			.query()
			.listOfRows();

		assertThat(seeded).extracting(r -> r.get("code")).containsExactly("1.1", "1.2", "2.1", "3.1", "4.1", "5.1");
		assertThat(seeded).allSatisfy(r -> {
			assertThat(r.get("year")).isEqualTo(2025);
			assertThat(r.get("unit_id")).isEqualTo(canTho.value());
			assertThat((BigDecimal) r.get("value")).isEqualByComparingTo("100");
		});
	}

	@Test
	void seedInventsNoAgencyPeriodOrFundingForTheActivities() {
		List<Activity> activities = activityRepository.activities(plan55);

		assertThat(activities).extracting(Activity::section).containsExactly("II.1", "II.2", "II.3", "II.4", "II.5");
		assertThat(activities.get(0).title()).startsWith("Truyền thông, giáo dục, vận động xã hội");
		assertThat(activities.get(4).title()).isEqualTo("Tăng cường công tác điều tra thân thiện đối với trẻ em");
		assertThat(activities.get(1).description()).contains("18008065");
		assertThat(activities).allSatisfy(a -> {
			assertThat(a.responsibleAgency()).isNull();
			assertThat(a.partners()).isEmpty();
			assertThat(a.periodStart()).isNull();
			assertThat(a.fundingSource()).isNull();
			assertThat(a.needsCompletion()).isTrue();
		});
	}

	@Test
	void seedIsLoadedOnlyOnce() {
		seed.run(null);

		assertThat(jdbc.sql("SELECT count(*) FROM plan WHERE number = '55/KH-UBND'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(repository.objectives(plan55)).hasSize(5);
	}

	// ---- pages ----

	@Test
	void planReporterOfACommuneSeesThePlanInVietnamese() {
		TestUserAgent agent = signedIn(Role.PLAN_REPORTER, "31120");

		var list = agent.get("/plans");
		assertThat(list.status()).isEqualTo(200);
		assertThat(Jsoup.parse(list.body()).select("a[href=/plans/" + plan55 + "]").text()).isEqualTo("55/KH-UBND");
		assertThat(Jsoup.parse(list.body()).select("nav a[href=/plans]").text()).isEqualTo("Kế hoạch hành động");

		var page = agent.get("/plans/" + plan55);
		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.select("li.objective")).hasSize(5);
		assertThat(html.select("article.activity h3").eachText()).hasSize(5).first().asString().startsWith("II.1");
		assertThat(html.text()).contains("Chỉ tiêu toàn thành phố năm 2025: 100%", "Người quản trị kế hoạch bổ sung",
				"Cơ quan chủ trì");
		assertThat(html.select("a[href$=/edit]")).isEmpty();

		var indicator = agent.get("/plans/" + plan55 + "/indicators/1.1");
		assertThat(indicator.status()).isEqualTo(200);
		Document indicatorHtml = Jsoup.parse(indicator.body());
		assertThat(indicatorHtml.text()).contains("Tổng số gia đình có trẻ em", "Số gia đình có trẻ em",
				"Chưa nhập mẫu số tham chiếu nào");
		assertThat(indicatorHtml.select("tr.city th").text()).isEqualTo("Thành phố Cần Thơ");
		assertThat(indicatorHtml.select("tr.city td").last().text()).isEqualTo("100");
		assertThat(indicatorHtml.select("tbody tr th:containsOwn(Phường Cái Khế)")).hasSize(1);
		assertThat(indicatorHtml.select("form")).as("no edit form for a reporter").hasSize(1); // logout
	}

	@Test
	void planPagesRenderInEnglish() {
		TestUserAgent agent = signedIn(Role.STATISTICIAN, "92");

		Document page = Jsoup.parse(agent.get("/plans/" + plan55 + "?lang=en").body());
		assertThat(page.select("html").attr("lang")).isEqualTo("en");
		assertThat(page.text()).contains("Objectives", "Activities", "City-wide target for 2025: 100%",
				"To be completed by the plan administrator", "Responsible agency");
		Document indicator = Jsoup.parse(agent.get("/plans/" + plan55 + "/indicators/5.2").body());
		assertThat(indicator.text()).contains("Count", "Counted from the registers in the system",
				"A – marks a target the plan text does not give");
		assertThat(Jsoup.parse(agent.get("/plans").body()).text()).contains("Action plans", "In force");
	}

	@Test
	void unknownPlanOrIndicatorIsNotFound() {
		TestUserAgent agent = signedIn(Role.STATISTICIAN, "92");

		assertThat(agent.get("/plans/" + plan55 + "/indicators/9.9").status()).isEqualTo(404);
		assertThat(agent.get("/plans/999999999").status()).isEqualTo(404);
	}

	@Test
	void malformedIdInAnAddressIsNotFound() {
		TestUserAgent agent = signedIn(Role.STATISTICIAN, "92");

		assertThat(agent.get("/plans/abc").status()).isEqualTo(404);
		assertThat(agent.get("/plans/99999999999999999999/progress").status()).isEqualTo(404);
		assertThat(agent.get("/plans/" + plan55 + "/reports/x1").status()).isEqualTo(404);
		assertThat(agent.get("/plans/" + plan55 + "/indicators/1.1").status()).as("the plan itself").isEqualTo(200);
	}

	// ---- who may change a plan ----

	@Test
	void canThoManagerSetsATargetAndItIsAudited() {
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent agent = signedIn(manager);
		Document page = Jsoup.parse(agent.get("/plans/" + plan55 + "/indicators/1.2").body());
		assertThat(page.select("form[action$=/targets]")).hasSize(1);

		var saved = agent.post("/plans/" + plan55 + "/indicators/1.2/targets",
				Map.of("unit", caiKhe.toString(), "year", "2024", "value", "87,5"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/plans/" + plan55 + "/indicators/1.2");
		assertThat(target("1.2", 2024, caiKhe)).isEqualByComparingTo("87.5");
		assertThat(agent.get("/plans/" + plan55 + "/indicators/1.2").body()).contains("Đã lưu chỉ tiêu.");
		assertThat(audited(manager, "PLAN_TARGET_SET")).singleElement()
			.asString()
			.contains("indicator=1.2", "unit=31120", "year=2024", "none -> 87.5");
	}

	@Test
	void canThoManagerEntersAReferenceDenominator() {
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent agent = signedIn(manager);
		agent.get("/plans/" + plan55 + "/indicators/3.1");

		var saved = agent.post("/plans/" + plan55 + "/indicators/3.1/denominators",
				Map.of("unit", caiKhe.toString(), "year", "2023", "value", "14"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(denominator(DenominatorKind.SCHOOLS, caiKhe, 2023)).isEqualTo(14L);
		Document page = Jsoup.parse(agent.get("/plans/" + plan55 + "/indicators/3.1").body());
		assertThat(page.select("#denominators tbody tr th").eachText()).contains("Phường Cái Khế");
		assertThat(audited(manager, "PLAN_DENOMINATOR_SET")).singleElement().asString().contains("kind=SCHOOLS");
	}

	@Test
	void planReporterMayNotChangeAPlan() {
		TestUserAgent agent = signedIn(Role.PLAN_REPORTER, "92");
		agent.get("/plans/" + plan55);
		long activity = activityRepository.activities(plan55).get(0).id();

		assertThat(agent
			.post("/plans/" + plan55 + "/indicators/1.1/targets",
					Map.of("unit", canTho.toString(), "year", "2025", "value", "50"))
			.status()).isEqualTo(403);
		assertThat(agent
			.post("/plans/" + plan55 + "/indicators/1.1/denominators",
					Map.of("unit", canTho.toString(), "year", "2025", "value", "50"))
			.status()).isEqualTo(403);
		assertThat(agent.get("/plans/" + plan55 + "/activities/" + activity + "/edit").status()).isEqualTo(403);
		assertThat(
				agent.post("/plans/" + plan55 + "/activities/" + activity, Map.of("fundingSource", "x", "version", "0"))
					.status())
			.isEqualTo(403);
		assertThat(target("1.1", 2025, canTho)).isEqualByComparingTo("100");
		assertThat(denominator(DenominatorKind.FAMILIES_WITH_CHILDREN, canTho, 2025)).isNull();
		assertThat(activityRepository.activity(plan55, activity).orElseThrow().fundingSource()).isNull();
	}

	@Test
	void haNoiManagerIsRefusedOnCanThosPlan() {
		TestUserAgent agent = signedIn(Role.PROVINCIAL_MANAGER, "01");
		agent.get("/account");
		long activity = activityRepository.activities(plan55).get(0).id();

		assertThat(Jsoup.parse(agent.get("/plans").body()).select("a[href=/plans/" + plan55 + "]")).isEmpty();
		assertThat(agent.get("/plans/" + plan55).status()).isEqualTo(403);
		assertThat(agent.get("/plans/" + plan55 + "/indicators/1.1").status()).isEqualTo(403);
		assertThat(agent.get("/plans/" + plan55 + "/activities/" + activity + "/edit").status()).isEqualTo(403);
		var post = agent.post("/plans/" + plan55 + "/indicators/1.1/targets",
				Map.of("unit", canTho.toString(), "year", "2025", "value", "50"));
		assertThat(post.status()).isEqualTo(403);
		assertThat(post.body()).contains("Bản ghi này nằm ngoài địa bàn của bạn.");
		assertThat(target("1.1", 2025, canTho)).isEqualByComparingTo("100");
	}

	@Test
	void canThoManagerCompletesAnActivityWithAgenciesFromTheDirectory() {
		long planId = secondPlan();
		long activity = activityRepository.activities(planId).get(0).id();
		AgencyId health = agency("Sở Y tế thành phố Cần Thơ [kiểm thử]", canTho);
		AgencyId police = agency("Công an thành phố Cần Thơ [kiểm thử]", canTho);
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent agent = signedIn(manager);
		Document form = Jsoup.parse(agent.get("/plans/" + planId + "/activities/" + activity + "/edit").body());
		assertThat(form.select("#responsibleAgency option").eachText())
			.contains("Sở Y tế thành phố Cần Thơ [kiểm thử]");
		assertThat(form.select("label[for=periodStart]")).hasSize(1);

		var saved = agent.post("/plans/" + planId + "/activities/" + activity,
				List.of(Map.entry("responsibleAgency", health.toString()), Map.entry("partners", police.toString()),
						Map.entry("periodStart", "2026-01-01"), Map.entry("periodEnd", "2026-12-31"),
						Map.entry("fundingSource", "Ngân sách địa phương"), Map.entry("version", "0")));

		assertThat(saved.status()).isEqualTo(302);
		Activity changed = activityRepository.activity(planId, activity).orElseThrow();
		assertThat(changed.responsibleAgency()).isEqualTo(health);
		assertThat(changed.partners()).containsExactly(police);
		assertThat(changed.periodEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(changed.needsCompletion()).isFalse();
		assertThat(audited(manager, "PLAN_ACTIVITY_CHANGED")).hasSize(1);
		Document page = Jsoup.parse(agent.get("/plans/" + planId).body());
		assertThat(page.select("#activity-" + activity).text()).contains("Sở Y tế thành phố Cần Thơ [kiểm thử]",
				"Công an thành phố Cần Thơ [kiểm thử]", "01/01/2026 – 31/12/2026", "Ngân sách địa phương");
	}

	@Test
	void activityWithAnAgencyOfAnotherProvinceOrADateOutsideThePlanIsRefused() {
		long planId = secondPlan();
		long activity = activityRepository.activities(planId).get(0).id();
		AgencyId haNoiAgency = agency("Cơ quan Hà Nội [kiểm thử]", haNoi);
		TestUserAgent agent = signedIn(Role.PROVINCIAL_MANAGER, "92");
		agent.get("/plans/" + planId + "/activities/" + activity + "/edit");

		var refused = agent.post("/plans/" + planId + "/activities/" + activity,
				Map.of("responsibleAgency", haNoiAgency.toString(), "version", "0"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Cơ quan này không có trong danh bạ của tỉnh, thành phố của kế hoạch.");

		var early = agent.post("/plans/" + planId + "/activities/" + activity,
				Map.of("periodStart", "2019-05-01", "version", "0"));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.body()).contains("Ngày này nằm ngoài giai đoạn của kế hoạch.");
		Activity unchanged = activityRepository.activity(planId, activity).orElseThrow();
		assertThat(unchanged.responsibleAgency()).isNull();
		assertThat(unchanged.periodStart()).isNull();
		assertThat(unchanged.version()).isZero();
	}

	// ---- bad figures ----

	@Test
	void coverageTargetOverAHundredIsRefused() {
		assertTargetRefused("1.1", canTho, "2025", "101", "Chỉ tiêu của một tỷ lệ không được lớn hơn 100%.");
	}

	@Test
	void negativeTargetIsRefused() {
		assertTargetRefused("5.2", canTho, "2025", "-1", "Giá trị không được âm.");
	}

	@Test
	void targetForAYearOutsideThePlanIsRefused() {
		assertTargetRefused("1.1", canTho, "2019", "50", "Năm này nằm ngoài giai đoạn của kế hoạch.");
	}

	@Test
	void targetForAUnitOutsideTheProvinceIsRefused() {
		assertTargetRefused("1.1", haNoi, "2025", "50", "Đơn vị này không thuộc tỉnh, thành phố của kế hoạch.");
	}

	@Test
	void malformedTargetIsRefused() {
		assertTargetRefused("1.1", canTho, "2025", "9x", "Hãy nhập một số, ví dụ 95 hoặc 95,5");
	}

	@Test
	void negativeDenominatorIsRefused() {
		TestUserAgent agent = signedIn(Role.PROVINCIAL_MANAGER, "92");
		agent.get("/plans/" + plan55 + "/indicators/1.2");
		long before = count("reference_denominator");

		var refused = agent.post("/plans/" + plan55 + "/indicators/1.2/denominators",
				Map.of("unit", caiKhe.toString(), "year", "2022", "value", "-3"));

		assertThat(refused.status()).isEqualTo(422);
		Document html = Jsoup.parse(refused.body());
		assertThat(html.select("#denominators .field-error").text()).isEqualTo("Giá trị không được âm.");
		assertThat(html.select("#denominator-value").val()).isEqualTo("-3");
		assertThat(count("reference_denominator")).isEqualTo(before);
		assertThat(denominator(DenominatorKind.PUPILS, caiKhe, 2022)).isNull();
	}

	@Test
	void refusalIsTranslatedInEnglish() {
		TestUserAgent agent = signedIn(Role.PROVINCIAL_MANAGER, "92");
		agent.get("/plans/" + plan55 + "/indicators/1.1?lang=en");

		var refused = agent.post("/plans/" + plan55 + "/indicators/1.1/targets",
				Map.of("unit", canTho.toString(), "year", "2025", "value", "120"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("A target for a percentage may not exceed 100%.",
				"Not saved; nothing was changed.");
	}

	private void assertTargetRefused(String code, UnitId unit, String year, String value, String message) {
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent agent = signedIn(manager);
		agent.get("/plans/" + plan55 + "/indicators/" + code);
		long before = count("plan_target");
		BigDecimal cityTarget = target(code, 2025, canTho);

		var refused = agent.post("/plans/" + plan55 + "/indicators/" + code + "/targets",
				Map.of("unit", unit.toString(), "year", year, "value", value));

		assertThat(refused.status()).isEqualTo(422);
		Document html = Jsoup.parse(refused.body());
		assertThat(html.select("#targets .field-error").text()).startsWith(message);
		assertThat(html.select("#targets .alert").text()).contains("không có gì thay đổi");
		assertThat(count("plan_target")).isEqualTo(before);
		assertThat(target(code, 2025, canTho)).isEqualTo(cityTarget);
		assertThat(audited(manager, "PLAN_TARGET_SET")).isEmpty();
	}

	// ---- helpers ----

	private TestUserAgent signedIn(Role role, String unitCode) {
		return signedIn(testAccounts.create(role, unitCode));
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

	/** Another plan of Cần Thơ beside Plan 55, so activity edits leave the seed alone. */
	private long secondPlan() {
		long id = repository.insert(new Plan(0, canTho, "T" + System.nanoTime() + "/KH-UBND", "Kế hoạch kiểm thử",
				"Ủy ban nhân dân thành phố Cần Thơ", null, 2026, 2030, Plan.Status.DRAFT), Instant.now());
		activityRepository.insert(id, 1, "II.1", "Hoạt động kiểm thử", null);
		return id;
	}

	private AgencyId agency(String name, UnitId unit) {
		return directory.registerDemo(new Directory.AgencyDetails(name, Sector.OTHER, unit, null, null, null, null));
	}

	private BigDecimal target(String code, int year, UnitId unit) {
		long indicator = repository.indicator(plan55, code).orElseThrow().id();
		return repository.target(indicator, year, unit).orElse(null);
	}

	private Long denominator(DenominatorKind kind, UnitId unit, int year) {
		return denominators.denominator(kind, unit, year).orElse(null);
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private List<String> audited(String actor, String action) {
		return jdbc.sql("SELECT detail FROM audit_entry WHERE actor = ? AND action = ? AND target_type = 'PLAN'")
			.param(actor)
			.param(action)
			.query(String.class)
			.list();
	}

}
