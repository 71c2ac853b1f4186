package vn.trean.plans;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entering the child population (the {@code CHILDREN} reference denominator) on a plan
 * none of whose indicators divides by it: by its own form and by the denominator import,
 * with the rules and the audit of the other denominators. The figures are for Xã Lai Hòa
 * (31810) and the city in years no other test uses.
 */
@IntegrationTest
class ChildPopulationIntegrationTests {

	private static final String LAI_HOA = "31810";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanRepository repository;

	@Autowired
	ReferenceDenominatorRepository denominators;

	private UnitId laiHoa;

	@BeforeEach
	void units() {
		laiHoa = testUnits.id(LAI_HOA);
	}

	@Test
	void managerEntersTheNumberOfChildrenOfACommuneOnAPlanWithoutAChildrenIndicatorAndItIsAudited() {
		long plan = plan(2071, 2075);
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO);
		TestUserAgent agent = signedIn(manager);
		assertThat(Jsoup.parse(agent.get("/plans/" + plan).body()).select("a[href=/plans/" + plan + "/population]"))
			.hasSize(1);
		Document form = Jsoup.parse(agent.get("/plans/" + plan + "/population?unit=" + laiHoa + "&year=2073").body());
		assertThat(form.select("#population-unit option[selected]").val()).isEqualTo(laiHoa.toString());
		assertThat(form.select("#population-year option[selected]").val()).isEqualTo("2073");

		var saved = agent.post("/plans/" + plan + "/population",
				Map.of("unit", laiHoa.toString(), "year", "2073", "value", "3.250"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(denominators.denominator(DenominatorKind.CHILDREN, laiHoa, 2073)).contains(3250L);
		Document page = Jsoup.parse(agent.get("/plans/" + plan + "/population").body());
		assertThat(page.select(".flash").text()).isEqualTo("Đã lưu số trẻ em.");
		assertThat(page.select("#population td").eachText()).contains("3250");
		assertThat(audited(manager, "PLAN_DENOMINATOR_SET")).singleElement()
			.asString()
			.contains("kind=CHILDREN", "unit=" + LAI_HOA, "year=2073", "none -> 3250");
		assertThat(demoFlag(laiHoa, 2073)).as("a person's figure is not demo data").isFalse();
	}

	@Test
	void aNegativeOrFractionalNumberAYearOutsideThePlanOrAUnitOutsideTheProvinceIsRefusedAndNothingSaved() {
		long plan = plan(2076, 2078);
		TestUserAgent agent = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));
		agent.get("/plans/" + plan + "/population");
		long before = count();
		long auditedBefore = setAudited();

		assertRefused(agent, plan, laiHoa.toString(), "2077", "-3", "value", "Giá trị không được âm.");
		assertRefused(agent, plan, laiHoa.toString(), "2077", "12,5", "value",
				"Hãy nhập một số nguyên, ví dụ 12500 hoặc 12.500.");
		assertRefused(agent, plan, laiHoa.toString(), "2079", "100", "year",
				"Năm này nằm ngoài giai đoạn của kế hoạch.");
		assertRefused(agent, plan, testUnits.id("01").toString(), "2077", "100", "unit",
				"Đơn vị này không thuộc tỉnh, thành phố của kế hoạch.");

		assertThat(count()).isEqualTo(before);
		assertThat(setAudited()).isEqualTo(auditedBefore);
	}

	@Test
	void onlyThePlanAdministratorEntersTheNumberOfChildren() {
		long plan = plan(2079, 2080);
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, TestUnits.CAN_THO));
		Document page = Jsoup.parse(reporter.get("/plans/" + plan + "/population").body());
		assertThat(page.select("form[action$=/population]")).isEmpty();

		var refused = reporter.post("/plans/" + plan + "/population",
				Map.of("unit", laiHoa.toString(), "year", "2079", "value", "100"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(denominators.denominator(DenominatorKind.CHILDREN, laiHoa, 2079)).isEmpty();
	}

	@Test
	void theDenominatorImportOffersTheChildrenColumnOnEveryPlanAndSetsIt() {
		long plan = plan(2081, 2082);
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO);
		TestUserAgent agent = signedIn(manager);
		Document page = Jsoup.parse(agent.get("/plans/" + plan + "/import").body());
		assertThat(page.select("#denominators tbody th").eachText()).containsExactly("CHILDREN");
		String template = new String(agent.download("/plans/" + plan + "/import/denominators.csv?year=2081").body(),
				StandardCharsets.UTF_8);
		assertThat(template).contains("unit_code,unit_name,year,CHILDREN\r\n", LAI_HOA + ",Xã Lai Hòa,2081,\r\n");

		var imported = upload(agent, plan,
				TestUnits.CAN_THO + ",Thành phố Cần Thơ,2081,812000\r\n" + LAI_HOA + ",Xã Lai Hòa,2081,4100\r\n");

		assertThat(imported.status()).isEqualTo(302);
		assertThat(denominators.denominator(DenominatorKind.CHILDREN, laiHoa, 2081)).contains(4100L);
		assertThat(denominators.denominator(DenominatorKind.CHILDREN, testUnits.canTho(), 2081)).contains(812000L);
		assertThat(audited(manager, "PLAN_DENOMINATORS_IMPORTED")).singleElement()
			.asString()
			.contains("set=2", "CHILDREN@" + LAI_HOA + "/2081:none->4100");
	}

	@Test
	void anImportedChildrenCellThatIsNegativeOrNotAWholeNumberRefusesTheWholeFile() {
		long plan = plan(2083, 2084);
		TestUserAgent agent = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));
		agent.get("/plans/" + plan + "/import");
		long before = count();

		var refused = upload(agent, plan, LAI_HOA + ",Xã Lai Hòa,2083,4100\r\n" + TestUnits.CAN_THO
				+ ",Thành phố Cần Thơ,2083,-5\r\n" + TestUnits.CAI_KHE + ",Phường Cái Khế,2084,\"10,5\"\r\n");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).select("#import-errors li").eachText()).containsExactly(
				"Dòng 3, cột D (CHILDREN): Giá trị không được âm.",
				"Dòng 4, cột D (CHILDREN): Hãy nhập một số nguyên, ví dụ 12500 hoặc 12.500.");
		assertThat(count()).isEqualTo(before);
		assertThat(denominators.denominator(DenominatorKind.CHILDREN, laiHoa, 2083)).isEmpty();
	}

	private void assertRefused(TestUserAgent agent, long plan, String unit, String year, String value, String field,
			String message) {
		var refused = agent.post("/plans/" + plan + "/population", Map.of("unit", unit, "year", year, "value", value));
		assertThat(refused.status()).isEqualTo(422);
		Document html = Jsoup.parse(refused.body());
		assertThat(html.select("#" + field + "-error").text()).as(field + " " + value).contains(message);
		assertThat(html.select("#population-value").val()).isEqualTo(value);
	}

	/** A plan of Cần Thơ with one indicator, a count that divides by nothing. */
	private long plan(int start, int end) {
		long id = repository
			.insert(new Plan(0, testUnits.canTho(), "P" + System.nanoTime() + "/KH-UBND", "Kế hoạch kiểm thử số trẻ em",
					"Ủy ban nhân dân thành phố Cần Thơ", null, start, end, Plan.Status.DRAFT), Instant.now());
		long objective = repository.insertObjective(id, 1, "Mục tiêu kiểm thử");
		repository.insert(id, 1,
				new Indicator(0, objective, "5.2", "Số phòng điều tra thân thiện", Indicator.Measure.COUNT, null, null,
						null, null, List.of(), Indicator.Direction.INCREASE, null, Indicator.Source.REPORTED, false));
		return id;
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

	private static TestUserAgent.Response upload(TestUserAgent agent, long plan, String lines) {
		byte[] content = ("unit_code,unit_name,year,CHILDREN\r\n" + lines).getBytes(StandardCharsets.UTF_8);
		return agent.postMultipart("/plans/" + plan + "/import/denominators", Map.of(),
				new TestUserAgent.FilePart("file", "tre-em.csv", "text/csv", content));
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM reference_denominator").query(Long.class).single();
	}

	private long setAudited() {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'PLAN_DENOMINATOR_SET'")
			.query(Long.class)
			.single();
	}

	private boolean demoFlag(UnitId unit, int year) {
		return jdbc.sql("SELECT demo FROM reference_denominator WHERE kind = 'CHILDREN' AND unit_id = ? AND year = ?")
			.param(unit.value())
			.param(year)
			.query(Boolean.class)
			.single();
	}

	private List<String> audited(String actor, String action) {
		return jdbc.sql("SELECT detail FROM audit_entry WHERE actor = ? AND action = ? AND target_type = 'PLAN'")
			.param(actor)
			.param(action)
			.query(String.class)
			.list();
	}

}
