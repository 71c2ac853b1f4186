package vn.trean.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.cases.CaseListSearchIntegrationTests.encode;
import static vn.trean.cases.CaseListSearchIntegrationTests.line;

/**
 * The case lists' filters and orders, each kept in the address, and every value that
 * names nothing (or something outside the viewer's reach) refused with a translated error
 * by its field, status 400 and no list, never a 500.
 */
@IntegrationTest
class CaseListFiltersIntegrationTests {

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

	@Autowired
	Clock clock;

	CaseListFixture fixture;

	String officer;

	CaseId first;

	CaseId second;

	String search;

	@BeforeEach
	void twoCases() {
		fixture = new CaseListFixture(commune, testCases, jdbc);
		officer = commune.officer();
		first = fixture.caseAt(testUnits.caiKhe(), "Ánh", CaseListFixture.phone());
		second = fixture.caseAt(testUnits.caiKhe(), "Bảo", CaseListFixture.phone());
		search = "/cases/all?q=" + fixture.word + "&";
	}

	@Test
	void narrowsByStateUrgencyStepOfficerCommuneAndPeriod() {
		TestUserAgent agent = signedIn(officer);
		String urgency = jdbc.sql("SELECT urgency FROM protection_case WHERE id = ?")
			.param(first.value())
			.query(String.class)
			.single();
		String otherUrgency = urgency.equals("NORMAL") ? "HIGH" : "NORMAL";
		String today = LocalDate.now(clock.withZone(Time.ZONE)).toString();
		String yesterday = LocalDate.now(clock.withZone(Time.ZONE)).minusDays(1).toString();
		long mine = fixture.userId(officer);
		fixture.assign(first, mine);

		assertThat(found(agent, "state=RECEIVED")).containsExactlyInAnyOrder(first, second);
		assertThat(found(agent, "state=CLOSED")).isEmpty();
		assertThat(found(agent, "urgency=" + urgency)).containsExactlyInAnyOrder(first, second);
		assertThat(found(agent, "urgency=" + otherUrgency)).isEmpty();
		assertThat(found(agent, "step=VERIFICATION")).containsExactlyInAnyOrder(first, second);
		assertThat(found(agent, "step=PLAN")).isEmpty();
		assertThat(found(agent, "officer=" + mine)).containsExactly(first);
		assertThat(found(agent, "commune=" + testUnits.caiKhe().value())).containsExactlyInAnyOrder(first, second);
		assertThat(found(agent, "from=" + today + "&to=" + today)).containsExactlyInAnyOrder(first, second);
		assertThat(found(agent, "to=" + yesterday)).isEmpty();
	}

	@Test
	void ordersByCodeOpeningOrChildsNameEitherWayAndTheFormKeepsTheChoice() {
		TestUserAgent agent = signedIn(officer);

		assertThat(found(agent, "sort=code&dir=asc")).containsExactly(first, second);
		assertThat(found(agent, "sort=code&dir=desc")).containsExactly(second, first);
		assertThat(found(agent, "sort=opened")).containsExactly(second, first);
		assertThat(found(agent, "sort=child&dir=desc")).containsExactly(second, first);
		Document page = Jsoup.parse(agent.get(search + "sort=child&dir=desc&state=RECEIVED").body());
		assertThat(page.selectFirst("#sort option[selected]").val()).isEqualTo("child");
		assertThat(page.selectFirst("#dir option[selected]").val()).isEqualTo("desc");
		assertThat(page.selectFirst("#state option[selected]").val()).isEqualTo("RECEIVED");
		assertThat(page.selectFirst("#q").val()).isEqualTo(fixture.word);
	}

	@Test
	void anotherCommunesCasesNeverShowNotEvenThroughAFilterNamingIt() {
		CaseId elsewhere = fixture.caseAt(testUnits.ninhKieu(), "Cúc", CaseListFixture.phone());
		String elsewhereOfficer = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.NINH_KIEU);
		fixture.assign(elsewhere, fixture.userId(elsewhereOfficer));
		TestUserAgent agent = signedIn(officer);

		TestUserAgent.Response byCommune = agent.get(search + "commune=" + testUnits.ninhKieu().value());
		TestUserAgent.Response byOfficer = agent.get(search + "officer=" + fixture.userId(elsewhereOfficer));

		for (TestUserAgent.Response refused : List.of(byCommune, byOfficer)) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.body()).doesNotContain(elsewhere.toString()).doesNotContain(first.toString());
		}
		assertThat(error(byCommune, "commune")).isEqualTo(message("cases.filter.commune-outside"));
		assertThat(error(byOfficer, "officer")).isEqualTo(message("cases.filter.officer-outside"));
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));
		assertThat(line(province.get(search + "commune=" + testUnits.ninhKieu().value()), elsewhere)).isNotNull();
	}

	@Test
	void refusesASearchOfOneCharacterOrOfWildcardsOnly() {
		TestUserAgent agent = signedIn(officer);

		assertRefused(agent.get("/cases/all?q=a"), "q", "cases.search.too-short");
		assertRefused(agent.get("/cases?q=" + encode("đ")), "q", "cases.search.too-short");
		for (String wildcards : List.of("%", "%%", "_", "*", "?", "% _ * ?")) {
			assertRefused(agent.get("/cases/all?q=" + encode(wildcards)), "q", "cases.search.wildcards");
		}
	}

	@Test
	void refusesFilterValuesThatNameNothing() {
		TestUserAgent agent = signedIn(officer);

		assertRefused(agent.get(search + "state=FOO"), "state", "cases.filter.unknown");
		assertRefused(agent.get(search + "urgency=SOON"), "urgency", "cases.filter.unknown");
		assertRefused(agent.get(search + "step=LUNCH"), "step", "cases.filter.unknown");
		assertRefused(agent.get(search + "officer=abc"), "officer", "cases.filter.unknown");
		assertRefused(agent.get(search + "officer=99999999999"), "officer", "cases.filter.officer-outside");
		assertRefused(agent.get(search + "commune=-3"), "commune", "cases.filter.unknown");
		assertRefused(agent.get(search + "commune=1" + "0".repeat(30)), "commune", "cases.filter.unknown");
		assertRefused(agent.get(search + "from=2026-02-30"), "from", "cases.filter.date");
		assertRefused(agent.get(search + "to=yesterday"), "to", "cases.filter.date");
		assertRefused(agent.get(search + "from=2026-05-02&to=2026-05-01"), "to", "cases.filter.to-before-from");
		assertRefused(agent.get(search + "sort=mood"), "sort", "cases.filter.unknown");
		assertRefused(agent.get(search + "dir=up"), "dir", "cases.filter.unknown");
		assertRefused(agent.get(search + "page=x"), "page", "cases.filter.unknown");
		assertRefused(agent.get("/cases?officer=12x"), "officer", "cases.filter.unknown");
		assertThat(agent.get("/cases/overdue?page=x").status()).isEqualTo(400);
	}

	private void assertRefused(TestUserAgent.Response response, String field, String key) {
		assertThat(response.status()).as(field + " " + key).isEqualTo(400);
		assertThat(error(response, field)).isEqualTo(message(key));
		assertThat(Jsoup.parse(response.body()).select("#cases")).isEmpty();
		Element control = Jsoup.parse(response.body()).getElementById(field);
		if (control != null && !control.tagName().equals("div")) {
			assertThat(control.attr("aria-invalid")).as("%s marked", field).isEqualTo("true");
			assertThat(control.attr("aria-describedby")).as("%s described", field).contains(field + "-error");
		}
	}

	private static String error(TestUserAgent.Response response, String field) {
		Element error = Jsoup.parse(response.body()).getElementById(field + "-error");
		return error == null ? null : error.text();
	}

	/** The cases of this test the list shows for the parameters, in its order. */
	private List<CaseId> found(TestUserAgent agent, String params) {
		TestUserAgent.Response response = agent.get(search + params);
		assertThat(response.status()).as(params).isEqualTo(200);
		return Jsoup.parse(response.body())
			.select("#cases a[href^=/cases/]")
			.stream()
			.map(a -> CaseId.valueOf(a.attr("href").substring("/cases/".length())))
			.filter(id -> id.equals(first) || id.equals(second))
			.toList();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

	private String message(String key) {
		return messages.getMessage(key, null, Locale.forLanguageTag("vi"));
	}

}
