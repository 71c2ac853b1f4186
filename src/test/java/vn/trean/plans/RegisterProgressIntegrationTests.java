package vn.trean.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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
 * Register indicators on the progress pages: the workforce roster and its trainings,
 * entered through the registers' pages, give the value of indicator 2.1 per commune and
 * for the city (sum of numerators over sum of denominators), the trace lists the people
 * behind it, and a register indicator the mapping does not know stays to be completed.
 * The people are active in 2011 only, a year no other test's records reach.
 */
@IntegrationTest
class RegisterProgressIntegrationTests {

	private static final int YEAR = 2011;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUnits testUnits;

	@Autowired
	PlanRepository plans;

	private UnitId canTho;

	private UnitId caiKhe;

	private UnitId ninhKieu;

	private long plan;

	@BeforeEach
	void plan() {
		canTho = testUnits.canTho();
		caiKhe = testUnits.caiKhe();
		ninhKieu = testUnits.ninhKieu();
		TestPlans.TestPlan created = TestPlans.plan(plans, canTho, "S", "Kế hoạch kiểm thử sổ theo dõi", YEAR,
				YEAR + 1);
		plan = created.id();
		plans.insert(plan, 1, TestPlans.workforceTrained(created.objective()));
		plans.insert(plan, 2, TestPlans.counsellingRooms(created.objective()));
		long trained = plans.indicator(plan, "2.1").orElseThrow().id();
		plans.saveTarget(new Target(trained, YEAR, canTho, new BigDecimal("100"), "test", Instant.now()));
		plans.saveTarget(new Target(trained, YEAR, caiKhe, new BigDecimal("60"), "test", Instant.now()));
	}

	@Test
	void workforceTrainedIsCountedFromTheRosterPerCommuneAndForTheCityAndTracedToThePeople() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long lan = addMember(manager, caiKhe, "Nguyễn Thị Lan Năm Mười Một", "COLLABORATOR", "FEMALE");
		long binh = addMember(manager, caiKhe, "Lê Văn Bình Năm Mười Một", "SOCIAL_WORKER", "MALE");
		long chua = addMember(manager, caiKhe, "Phạm Văn Chưa Học Năm Mười Một", "VOLUNTEER", "MALE");
		addMember(manager, ninhKieu, "Trần Thị Ninh Năm Mười Một", "COLLABORATOR", "FEMALE");
		// an investigator is counted by 5.1, not among the workforce of 2.1
		addMember(manager, caiKhe, "Võ Văn Điều Tra Năm Mười Một", "POLICE_INVESTIGATOR", "MALE");
		manager.get("/registers/trainings/new?unit=" + caiKhe);
		assertThat(manager.post("/registers/trainings", training(caiKhe, List.of(lan, binh))).status()).isEqualTo(302);

		Document page = Jsoup
			.parse(manager.get("/plans/" + plan + "/progress?period=" + YEAR + "&indicator=2.1").body());

		// the city: (2 + 0) / (3 + 1) = 50 %, against the city target of 100 %
		assertThat(page.select("#indicator-2\\.1 .value").text()).isEqualTo("50%");
		assertThat(page.select("#indicator-2\\.1 .counts").text()).isEqualTo("2 / 4");
		assertThat(page.select("#indicator-2\\.1 .level-text").text()).isEqualTo("Chậm");
		assertThat(page.select("#indicator-2\\.1 th").text()).contains("Đếm từ sổ theo dõi");
		// Cái Khế: 2 / 3 = 66.7 %, above its target of 60 %
		assertThat(page.select("#unit-" + caiKhe.value() + " .value").text()).isEqualTo("66.7%");
		assertThat(page.select("#unit-" + caiKhe.value() + " .counts").text()).isEqualTo("2 / 3");
		assertThat(page.select("#unit-" + caiKhe.value() + " td.level-MET")).hasSize(1);
		assertThat(page.select("#unit-" + ninhKieu.value() + " .value").text()).isEqualTo("0%");
		assertThat(page.select("#unit-" + ninhKieu.value() + " .counts").text()).isEqualTo("0 / 1");
		// a register indicator whose counting is not known is not given a value
		assertThat(page.select("#indicator-3\\.3 .value")).isEmpty();
		assertThat(page.select("#indicator-3\\.3").text()).contains("người quản trị kế hoạch bổ sung");
		// a half year counts between its own days: trained by 30 June in the first half,
		// and a training of September counts from the second half on
		long september = jdbc.sql("""
				INSERT INTO training (unit_id, held_on, topic, organiser, kind, entered_by, entered_at)
				VALUES (?, ?, 'Tập huấn tháng chín', 'Sở Y tế', 'CHILD_PROTECTION_SKILLS', 'test', now())
				RETURNING id""").params(caiKhe.value(), java.time.LocalDate.of(YEAR, 9, 1)).query(Long.class).single();
		jdbc.sql("INSERT INTO training_participant (training_id, workforce_member_id) VALUES (?, ?)")
			.params(september, chua)
			.update();
		Document firstHalf = Jsoup
			.parse(manager.get("/plans/" + plan + "/progress?period=" + YEAR + "-H1&indicator=2.1").body());
		assertThat(firstHalf.select("#indicator-2\\.1 .counts").text()).isEqualTo("2 / 4");
		assertThat(firstHalf.select("#unit-" + caiKhe.value() + " .counts").text()).isEqualTo("2 / 3");
		Document secondHalf = Jsoup
			.parse(manager.get("/plans/" + plan + "/progress?period=" + YEAR + "-H2&indicator=2.1").body());
		assertThat(secondHalf.select("#indicator-2\\.1 .counts").text()).isEqualTo("3 / 4");
		assertThat(secondHalf.select("#unit-" + caiKhe.value() + " .counts").text()).isEqualTo("3 / 3");
		Document secondHalfTrace = Jsoup.parse(manager
			.get("/plans/" + plan + "/progress/trace?indicator=2.1&period=" + YEAR + "-H2&unit=" + caiKhe.value())
			.body());
		assertThat(secondHalfTrace.select("#records-numerator tr.record th").eachText())
			.contains("Phạm Văn Chưa Học Năm Mười Một");
		jdbc.sql("DELETE FROM training WHERE id = ?").param(september).update();

		Document caiKheTrace = trace(manager, caiKhe);
		assertThat(caiKheTrace.select("#total-numerator").text()).isEqualTo("2");
		assertThat(caiKheTrace.select("#total-denominator").text()).isEqualTo("3");
		assertThat(caiKheTrace.select("#value").text()).isEqualTo("66.7%");
		assertThat(caiKheTrace.select("#records-numerator tr.record th").eachText())
			.containsExactly("Lê Văn Bình Năm Mười Một", "Nguyễn Thị Lan Năm Mười Một");
		assertThat(caiKheTrace.select("#records-denominator tr.record th").eachText()).containsExactly(
				"Lê Văn Bình Năm Mười Một", "Nguyễn Thị Lan Năm Mười Một", "Phạm Văn Chưa Học Năm Mười Một");
		assertThat(caiKheTrace.select("#records-numerator tr.record").first().text()).contains("Phường Cái Khế",
				"Danh sách người làm công tác bảo vệ trẻ em");

		Document cityTrace = trace(manager, canTho);
		assertThat(cityTrace.select("#total-numerator").text()).isEqualTo("2");
		assertThat(cityTrace.select("#total-denominator").text()).isEqualTo("4");
		assertThat(cityTrace.select("#value").text()).isEqualTo("50%");
		assertThat(cityTrace.select("#records-denominator tr.record th").eachText())
			.contains("Trần Thị Ninh Năm Mười Một")
			.doesNotContain("Võ Văn Điều Tra Năm Mười Một");
	}

	@Test
	void theRegisterRecordsBehindANumberAreReadOnlyWithTheRightToViewTheUnitTraced() {
		TestUserAgent caiKheViewer = signedIn(testAccounts.create(Role.STATISTICIAN, "31120"));
		assertThat(caiKheViewer
			.get("/plans/" + plan + "/progress/trace?indicator=2.1&period=" + YEAR + "&unit=" + caiKhe.value())
			.status()).isEqualTo(200);
		assertThat(caiKheViewer
			.get("/plans/" + plan + "/progress/trace?indicator=2.1&period=" + YEAR + "&unit=" + ninhKieu.value())
			.status()).isEqualTo(403);
	}

	private Document trace(TestUserAgent agent, UnitId unit) {
		var response = agent
			.get("/plans/" + plan + "/progress/trace?indicator=2.1&period=" + YEAR + "&unit=" + unit.value());
		assertThat(response.status()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

	private long addMember(TestUserAgent agent, UnitId unit, String name, String role, String sex) {
		agent.get("/registers/workforce");
		var saved = agent.post("/registers/workforce", Map.of("unit", unit.toString(), "fullName", name, "role", role,
				"sex", sex, "agency", "", "activeFrom", YEAR + "-01-01", "activeTo", YEAR + "-12-31"));
		assertThat(saved.status()).as("adding " + name).isEqualTo(302);
		return jdbc.sql("SELECT max(id) FROM workforce_member WHERE full_name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	private static List<Map.Entry<String, String>> training(UnitId unit, List<Long> participants) {
		List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("unit", unit.toString()),
				Map.entry("heldOn", YEAR + "-06-01"), Map.entry("topic", "Kỹ năng bảo vệ trẻ em"),
				Map.entry("organiser", "Sở Y tế thành phố Cần Thơ"), Map.entry("kind", "CHILD_PROTECTION_SKILLS")));
		participants.forEach(p -> fields.add(Map.entry("participants", p.toString())));
		return fields;
	}

}
