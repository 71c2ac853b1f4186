package vn.trean.cases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case lists name the work and find it: each line shows the child (for those who may
 * see her), her age, the forms of harm, who must act and the next deadline; the search
 * finds a case by its code, the child's name in any spelling, the commune's name and, for
 * those who may see reporters, the reporter's phone; another commune's cases never show.
 */
@IntegrationTest
class CaseListSearchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestCommune commune;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	CaseListFixture fixture;

	String officer;

	String phone;

	CaseId here;

	CaseId elsewhere;

	@BeforeEach
	void twoCommunes() {
		fixture = new CaseListFixture(commune, testCases, jdbc);
		officer = commune.officer();
		phone = CaseListFixture.phone();
		here = fixture.caseAt(testUnits.caiKhe(), "Tiên", phone);
		elsewhere = fixture.caseAt(testUnits.ninhKieu(), "Tiên", phone);
	}

	@Test
	void aLineNamesTheChildHerAgeTheHarmWhoMustActAndTheNextDeadline() {
		Element line = line(signedIn(officer).get("/cases/all"), here);

		assertThat(line).isNotNull();
		assertThat(line.selectFirst(".child-name").text()).isEqualTo(fixture.childName("Tiên"));
		assertThat(line.selectFirst(".child-age").text()).isEqualTo(message("report.child.about", 9));
		assertThat(line.selectFirst(".harm").text()).contains(message("harm.VIOLENCE"), message("harm.NEGLECT"));
		assertThat(line.selectFirst(".waiting-on").text()).isEqualTo(assignedOfficersName(here));
		assertThat(line.selectFirst(".next-deadline").text()).contains(message("step.VERIFICATION"));
	}

	@Test
	void theOverdueListNamesTheChildTheHarmAndWhoMustAct() {
		jdbc.sql("UPDATE case_deadline SET due_at = now() - interval '1 day' WHERE case_id = ? AND met_at IS NULL")
			.param(here.value())
			.update();

		Element line = line(signedIn(officer).get("/cases/overdue"), here);

		assertThat(line).isNotNull();
		assertThat(line.selectFirst(".child-name").text()).isEqualTo(fixture.childName("Tiên"));
		assertThat(line.selectFirst(".harm").text()).contains(message("harm.VIOLENCE"));
		assertThat(line.selectFirst(".waiting-on").text()).isEqualTo(assignedOfficersName(here));
	}

	@Test
	void theOverdueListIsSearchedAndNarrowedLikeTheOthers() {
		jdbc.sql(
				"UPDATE case_deadline SET due_at = now() - interval '1 day' WHERE case_id IN (?, ?) AND met_at IS NULL")
			.param(here.value())
			.param(elsewhere.value())
			.update();
		TestUserAgent agent = signedIn(officer);
		String q = "/cases/overdue?q=" + encode(fixture.plainName("Tiên"));

		assertThat(line(agent.get(q), here)).isNotNull();
		assertThat(agent.get(q).body()).doesNotContain(elsewhere.toString());
		assertThat(line(agent.get(q + "&step=VERIFICATION"), here)).isNotNull();
		assertThat(line(agent.get(q + "&step=PLAN"), here)).isNull();
		TestUserAgent.Response outside = agent.get(q + "&commune=" + testUnits.ninhKieu().value());
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).doesNotContain(elsewhere.toString()).doesNotContain(here.toString());
	}

	@Test
	void theChairMustActWhileThePlanWaitsForApprovalOrTheClosingAndTheOfficerIsNamedOtherwise() {
		fixture.assign(here, fixture.userId(officer));
		TestUserAgent agent = signedIn(officer);
		String officerName = testCases.user(officer).displayName();
		assertThat(line(agent.get("/cases"), here).selectFirst(".waiting-on").text()).isEqualTo(officerName);

		jdbc.sql("UPDATE protection_case SET status = 'AWAITING_APPROVAL' WHERE id = ?").param(here.value()).update();

		assertThat(line(agent.get("/cases"), here).selectFirst(".waiting-on").text())
			.isEqualTo(message("cases.waiting-on.CHAIR"));

		jdbc.sql("UPDATE protection_case SET status = 'REVIEW' WHERE id = ?").param(here.value()).update();
		assertThat(line(agent.get("/cases"), here).selectFirst(".waiting-on").text()).isEqualTo(officerName);
		jdbc.sql("""
				INSERT INTO case_form (case_id, form, cycle, version, schema, data, recorded_by, recorded_at)
				VALUES (?, 'CLOSING_ASSESSMENT', 1, 1, 1, '{}', ?, now())""")
			.param(here.value())
			.param(fixture.userId(officer))
			.update();
		assertThat(line(agent.get("/cases"), here).selectFirst(".waiting-on").text())
			.isEqualTo(message("cases.waiting-on.CHAIR"));
	}

	@Test
	void findsTheCaseByTheChildsNameWithoutDiacriticsInNfdAndInAnyCaseButNeverAnotherCommunes() {
		TestUserAgent agent = signedIn(officer);
		for (String typed : new String[] { fixture.plainName("Tiên"),
				Normalizer.normalize(fixture.childName("Tiên"), Normalizer.Form.NFD),
				fixture.childName("Tiên").toUpperCase(Locale.ROOT), fixture.word.toLowerCase(Locale.ROOT) }) {
			TestUserAgent.Response found = agent.get("/cases/all?q=" + encode(typed));

			assertThat(found.status()).as(typed).isEqualTo(200);
			assertThat(line(found, here)).as(typed).isNotNull();
			assertThat(found.body()).as(typed).doesNotContain(elsewhere.toString());
		}
	}

	@Test
	void findsTheCaseByItsCodeAndByTheCommunesName() {
		TestUserAgent agent = signedIn(officer);
		String code = fixture.code(here);

		assertThat(line(agent.get("/cases/all?q=" + code.toLowerCase(Locale.ROOT)), here)).isNotNull();
		assertThat(line(agent.get("/cases/all?q=" + encode("cai khe") + "&sort=opened"), here)).isNotNull();
		assertThat(agent.get("/cases/all?q=" + encode(fixture.code(elsewhere))).body())
			.doesNotContain(elsewhere.toString());
	}

	@Test
	void findsTheCaseByTheReportersPhoneOnlyForThoseWhoMaySeeReporters() {
		String typed = phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);

		TestUserAgent.Response found = signedIn(officer).get("/cases/all?q=" + encode(typed));

		assertThat(line(found, here)).isNotNull();
		assertThat(found.body()).doesNotContain(elsewhere.toString());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE target_id = ? AND detail = ?")
			.param(here.toString())
			.param(CaseLists.PHONE_SEARCH)
			.query(Long.class)
			.single()).isEqualTo(1);
		TestUserAgent chair = signedIn(commune.chair());
		assertThat(line(chair.get("/cases/all?q=" + encode(typed)), here)).isNull();
		assertThat(line(chair.get("/cases/all?q=" + encode(fixture.plainName("Tiên"))), here)).isNotNull();
	}

	@Test
	void wildcardsAreSearchedAsTheCharactersTheyAre() {
		TestUserAgent agent = signedIn(officer);
		TestUserAgent.Response found = agent.get("/cases/all?q=" + encode("do thi thuy % " + fixture.word));

		assertThat(found.status()).isEqualTo(200);
		assertThat(line(found, here)).isNull();
		assertThat(line(agent.get("/cases/all?q=" + encode("_o thi")), here)).isNull();
	}

	@Test
	void someoneWhoMayNotSeeCasesIsRefusedTheListsAndSeesNoChild() {
		for (Role role : new Role[] { Role.HOTLINE_OPERATOR, Role.STATISTICIAN }) {
			TestUserAgent agent = signedIn(testAccounts.create(role, TestUnits.CAN_THO));
			for (String path : new String[] { "/cases", "/cases/all", "/cases/overdue" }) {
				TestUserAgent.Response refused = agent.get(path + "?q=" + encode(fixture.plainName("Tiên")));

				assertThat(refused.status()).as(role + " " + path).isEqualTo(403);
				assertThat(refused.body()).doesNotContain(fixture.word);
			}
		}
	}

	@Test
	void theTextsAreEnglishInEnglish() {
		TestUserAgent agent = signedIn(officer);
		agent.get("/cases/all?lang=en");
		Document page = Jsoup.parse(agent.get("/cases/all?q=" + encode(fixture.plainName("Tiên"))).body());

		assertThat(page.selectFirst("label[for=q]").text()).isEqualTo("Search");
		assertThat(page.select("#cases th").eachText()).contains("Child", "Who must act", "Next deadline");
		Document refused = Jsoup.parse(agent.get("/cases/all?q=x").body());
		assertThat(refused.selectFirst("#q-error").text()).isEqualTo("Type at least 2 characters to search.");
	}

	static Element line(TestUserAgent.Response response, CaseId id) {
		Element link = Jsoup.parse(response.body()).selectFirst("table a[href=/cases/" + id + "]");
		return link == null ? null : link.closest("tr");
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Whom the case went to first (the commune's least busy officer), by name. */
	private String assignedOfficersName(CaseId id) {
		return jdbc
			.sql("SELECT u.display_name FROM protection_case p JOIN app_user u ON u.id = p.assigned_officer_id"
					+ " WHERE p.id = ?")
			.param(id.value())
			.query(String.class)
			.single();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag("vi"));
	}

}
