package vn.trean.intake;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lists of reports people work from: each row names the child (for those who may read
 * her), her age, the harm, the urgency and the case the report went into; the lists are
 * searched by code, by a child's name in any spelling, by commune and, for those who may
 * see reporters, by the reporter's phone (logged); narrowed and ordered by the address;
 * and a parameter that names nothing is refused with its message, never a 500.
 */
@IntegrationTest
class ReportListIntegrationTests {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	/** The wards of these tests: no other test reports there. */
	private static final String O_MON = "31153";

	private static final String PHUOC_THOI = "31162";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Intake intake;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	private UnitId oMon;

	private CurrentUser operator;

	@BeforeEach
	void setUp() {
		oMon = testUnits.id(O_MON);
		operator = user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
	}

	@Test
	void theInboxNamesTheChildHerAgeTheHarmAndTheCaseTheReportWentInto() {
		String name = "Phạm Ngọc " + unique();
		ReportReceipt receipt = intake.record(operator, emergency().withChild(name, 9).build());
		CaseLink opened = caseOf(receipt);
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, O_MON));

		Element row = onlyRow(officer, "/intake/inbox?q=" + receipt.referenceCode());

		assertThat(row.selectFirst(".child-name").text()).isEqualTo(name);
		assertThat(row.selectFirst(".child-age").text()).isEqualTo(message("report.child.about", 9));
		assertThat(row.text()).contains(message("harm.SEXUAL_MOLESTATION"), message("urgency.EMERGENCY"),
				message("channel.HOTLINE_111"), message("report-status.RECEIVED"), message("reports.danger-signs", 1));
		assertThat(row.selectFirst(".due").text()).startsWith(message("deadline.due.at", "").strip());
		Element link = row.selectFirst("a.case-link");
		assertThat(link.attr("href")).isEqualTo("/cases/" + opened.id());
		assertThat(link.text()).isEqualTo(message("reports.in-case", opened.code()));
		assertThat(opened.code()).isEqualTo(jdbc.sql("SELECT reference_code FROM protection_case WHERE id = ?")
			.param(opened.id())
			.query(String.class)
			.single());

		// the case's code finds the report too, typed in any case
		assertThat(ids(officer, "/intake/inbox?q=" + opened.code().toLowerCase(Locale.ROOT)))
			.containsExactly(receipt.id().value());

		Document report = Jsoup.parse(officer.get("/intake/reports/" + receipt.id()).body());
		assertThat(report.getElementById("case-link").attr("href")).isEqualTo("/cases/" + opened.id());
		assertThat(report.getElementById("case-link").text()).isEqualTo(opened.code());
	}

	@Test
	void aReportNotYetInACaseHasNoLinkToOne() {
		ReportReceipt receipt = intake.record(operator, ReportDrafts.at(oMon).withCounselling().build());
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, O_MON));

		Element row = onlyRow(officer, "/intake/inbox?q=" + receipt.referenceCode());

		assertThat(row.select("a.case-link")).isEmpty();
		assertThat(Jsoup.parse(officer.get("/intake/reports/" + receipt.id()).body()).getElementById("case-link"))
			.isNull();
	}

	@Test
	void aChildsNameTypedWithoutDiacriticsInCapitalsOrDecomposedFindsTheReport() {
		String given = unique();
		String name = "Đặng Thị Hồng " + given;
		ReportReceipt receipt = intake.record(operator, normal().withChild(name, 7).build());
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, O_MON));

		for (String typed : new String[] { "dang thi hong " + given.toLowerCase(Locale.ROOT),
				"DANG THI HONG " + given.toUpperCase(Locale.ROOT), Normalizer.normalize(name, Normalizer.Form.NFD),
				"hồng   " + given, "Hồng " + given.substring(0, 3) }) {
			assertThat(ids(officer, "/intake/inbox?q=" + encode(typed))).as(typed)
				.containsExactly(receipt.id().value());
		}
		// an underscore is no wildcard: "h_ng" names no child
		assertThat(ids(officer, "/intake/inbox?q=" + encode("h_ng " + given))).isEmpty();
		assertThat(ids(officer, "/intake/inbox?q=" + encode("dang thi hoa " + given))).isEmpty();
	}

	@Test
	void anotherCommunesReportsNeverAppearAndItCannotBeChosen() {
		String given = unique();
		ReportReceipt receipt = intake.record(operator, normal().withChild("Lê Văn " + given, 8).build());
		TestUserAgent here = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, O_MON));
		TestUserAgent elsewhere = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, PHUOC_THOI));

		assertThat(ids(here, "/intake/inbox?q=" + given)).containsExactly(receipt.id().value());
		var other = elsewhere.get("/intake/inbox?q=" + given);
		assertThat(other.status()).isEqualTo(200);
		assertThat(Jsoup.parse(other.body()).select("#inbox tbody tr")).isEmpty();
		assertThat(other.body()).doesNotContain("Lê Văn").doesNotContain(receipt.referenceCode());
		assertThat(elsewhere.get("/intake/inbox?q=" + receipt.referenceCode()).body())
			.doesNotContain(receipt.id().toString());

		var outside = elsewhere.get("/intake/inbox?commune=" + oMon.value());
		assertThat(outside.status()).isEqualTo(400);
		assertThat(errorOf(outside, "commune")).isEqualTo(message("reports.filter.commune-outside"));
	}

	@Test
	void theCommuneFilterAndACommunesNameNarrowTheProvincesInbox() {
		String given = unique();
		ReportReceipt inOMon = intake.record(operator, normal().withChild("Trần Văn " + given, 8).build());
		ReportReceipt inPhuocThoi = intake.record(operator,
				ReportDrafts.at(testUnits.id(PHUOC_THOI))
					.withHarm(HarmForm.NEGLECT)
					.withChild("Trần Thị " + given, 6)
					.build());
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));

		assertThat(ids(manager, "/intake/inbox?q=" + given)).containsExactlyInAnyOrder(inOMon.id().value(),
				inPhuocThoi.id().value());
		assertThat(ids(manager, "/intake/inbox?q=" + given + "&commune=" + oMon.value()))
			.containsExactly(inOMon.id().value());
		Element chosen = Jsoup.parse(manager.get("/intake/inbox?commune=" + oMon.value()).body())
			.selectFirst("#commune option[selected]");
		assertThat(chosen.val()).isEqualTo(String.valueOf(oMon.value()));
		assertThat(chosen.text()).isEqualTo("Phường Ô Môn");
		// "phuoc thoi" names the ward: its reports are found, not the other's
		assertThat(ids(manager, "/intake/inbox?q=" + encode("phuoc thoi"))).contains(inPhuocThoi.id().value())
			.doesNotContain(inOMon.id().value());
	}

	@Test
	void theReportersPhoneFindsTheReportOnlyForThoseWhoMaySeeTheReporterAndIsLogged() {
		String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
		ReportReceipt receipt = intake.record(operator,
				normal().withChild("Hồ Văn " + unique(), 10)
					.withReporter("Nguyễn Thị Mai", phone, Relation.NEIGHBOUR, false)
					.build());
		String officerName = testAccounts.create(Role.COMMUNE_OFFICER, O_MON);
		String chairName = testAccounts.create(Role.COMMUNE_CHAIR, O_MON);
		String typed = phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);

		Element row = onlyRow(signedIn(officerName), "/intake/inbox?q=" + encode(typed));

		assertThat(row.selectFirst(".found-by-phone").text()).isEqualTo(message("reports.found-by-phone"));
		assertThat(phoneSearches(officerName, receipt)).isEqualTo(1);

		TestUserAgent chair = signedIn(chairName);
		var chairs = chair.get("/intake/inbox?q=" + encode(typed));
		assertThat(chairs.status()).isEqualTo(200);
		assertThat(chairs.body()).doesNotContain(receipt.id().toString())
			.doesNotContain("Nguyễn Thị Mai")
			.doesNotContain(phone.substring(1));
		assertThat(Jsoup.parse(chairs.body()).getElementById("q-help").text())
			.isEqualTo(message("reports.search.help"));
		assertThat(phoneSearches(chairName, receipt)).isZero();
		// the chair still finds the report by its code, without its reporter
		Element byCode = onlyRow(chair, "/intake/inbox?q=" + receipt.referenceCode());
		assertThat(byCode.select(".found-by-phone")).isEmpty();
		assertThat(byCode.text()).doesNotContain("Nguyễn Thị Mai");
	}

	@Test
	void statusUrgencyChannelAndPeriodNarrowTheListAndTheOrderIsTheOneAsked() {
		String given = unique();
		ReportReceipt emergency = intake.record(operator, emergency().withChild("Phan Văn " + given, 9).build());
		ReportReceipt walkIn = intake.record(operator,
				normal().withChannel(Channel.WALK_IN).withChild("Ông Thị " + given, 5).build());
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, O_MON));
		officer.get("/intake/reports/" + walkIn.id());
		assertThat(officer.post("/intake/reports/" + walkIn.id() + "/take-up", java.util.Map.of()).status())
			.isEqualTo(302);
		String q = "/intake/inbox?q=" + given;
		String today = java.time.LocalDate.now(vn.trean.shared.Time.ZONE).toString();
		String tomorrow = java.time.LocalDate.now(vn.trean.shared.Time.ZONE).plusDays(1).toString();

		assertThat(ids(officer, q + "&urgency=EMERGENCY")).containsExactly(emergency.id().value());
		assertThat(ids(officer, q + "&channel=WALK_IN")).containsExactly(walkIn.id().value());
		assertThat(ids(officer, q + "&status=IN_HANDLING")).containsExactly(walkIn.id().value());
		assertThat(ids(officer, q + "&status=RECEIVED")).containsExactly(emergency.id().value());
		assertThat(ids(officer, q + "&from=" + today + "&to=" + today)).hasSize(2);
		assertThat(ids(officer, q + "&from=" + tomorrow)).isEmpty();
		assertThat(ids(officer, q + "&sort=received&dir=asc")).containsExactly(emergency.id().value(),
				walkIn.id().value());
		assertThat(ids(officer, q + "&sort=received&dir=desc")).containsExactly(walkIn.id().value(),
				emergency.id().value());
		// Vietnamese order: Ô comes after O and before P
		assertThat(ids(officer, q + "&sort=child&dir=asc")).containsExactly(walkIn.id().value(),
				emergency.id().value());
		assertThat(ids(officer, q + "&sort=urgency")).containsExactly(emergency.id().value(), walkIn.id().value());
		// the form shows what was chosen
		Document page = Jsoup.parse(officer.get(q + "&channel=WALK_IN").body());
		assertThat(page.selectFirst("#channel option[selected]").val()).isEqualTo("WALK_IN");
		assertThat(page.getElementById("q").val()).isEqualTo(given);
	}

	@Test
	void theRecorderSeesTheChildrenOfWhatTheyRecordedButNoInbox() {
		long agency = jdbc.sql("SELECT id FROM agency WHERE unit_id = ? ORDER BY id LIMIT 1")
			.param(testUnits.caiKhe().value())
			.query(Long.class)
			.single();
		String focalName = testAccounts.create(Role.AGENCY_FOCAL_POINT, TestUnits.CAI_KHE, new AgencyId(agency), true);
		String name = "Vũ Thị " + unique();
		intake.record(user(focalName), normal().withChild(name, 11).build());
		TestUserAgent focal = signedIn(focalName);

		assertThat(focal.get("/intake/inbox").status()).isEqualTo(403);
		Element row = onlyRow(focal, "/intake/recorded?q=" + encode(name));
		assertThat(row.selectFirst(".child-name").text()).isEqualTo(name);
	}

	@Test
	void thePagingLinksAndTheRefreshKeepTheFilters() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, O_MON));

		Document page = Jsoup
			.parse(officer.get("/intake/inbox?q=" + encode("Hồ Văn") + "&status=RECEIVED&page=1").body());

		String kept = "/intake/inbox?q=" + encode("Hồ Văn") + "&status=RECEIVED&sort=attention&dir=desc";
		assertThat(page.getElementById("previous-page").attr("href")).isEqualTo(kept);
		assertThat(page.getElementById("inbox").attr("hx-get")).isEqualTo(kept + "&page=1");
		assertThat(page.selectFirst("#status option[selected]").val()).isEqualTo("RECEIVED");
	}

	/**
	 * The migration that gave reports their case and children their folded names filled
	 * them for the rows already there: run again on rows without them, it fills them.
	 */
	@Test
	void theMigrationFillsTheCaseAndTheNameKeyOfEarlierReports() throws Exception {
		String name = "Lâm Thị " + unique();
		ReportReceipt receipt = intake.record(operator, emergency().withChild(name, 9).build());
		CaseLink opened = caseOf(receipt);
		jdbc.sql("UPDATE report SET case_id = NULL, case_code = NULL WHERE id = ?")
			.param(receipt.id().value())
			.update();
		jdbc.sql("UPDATE report_child SET name_key = NULL WHERE report_id = ?").param(receipt.id().value()).update();
		assertThat(intake.caseOf(receipt.id())).isEmpty();

		String migration = new String(
				getClass().getResourceAsStream("/db/migration/V37__report_case_and_search_keys.sql").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
			if (statement.strip().startsWith("UPDATE")) {
				jdbc.sql(statement).update();
			}
		}

		assertThat(intake.caseOf(receipt.id())).contains(opened);
		assertThat(jdbc.sql("SELECT name_key FROM report_child WHERE report_id = ?")
			.param(receipt.id().value())
			.query(String.class)
			.single()).isEqualTo(vn.trean.shared.VietnameseText.fold(name));
	}

	@Test
	void aSearchOfOneCharacterOrOfWildcardsOnlyIsRefused() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, O_MON));

		assertRefused(officer, "/intake/inbox?q=a", "q", "reports.search.too-short");
		assertRefused(officer, "/intake/inbox?q=%25%25", "q", "reports.search.wildcards");
		assertRefused(officer, "/intake/inbox?q=" + encode("*? _"), "q", "reports.search.wildcards");
		assertRefused(officer, "/intake/recorded?q=%25", "q", "reports.search.wildcards");
	}

	@Test
	void aFilterOrOrderThatNamesNothingIsRefusedWithItsMessage() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, O_MON));

		assertRefused(officer, "/intake/inbox?status=FOO", "status", "reports.filter.unknown");
		assertRefused(officer, "/intake/inbox?urgency=VERY", "urgency", "reports.filter.unknown");
		assertRefused(officer, "/intake/inbox?channel=PIGEON", "channel", "reports.filter.unknown");
		assertRefused(officer, "/intake/inbox?commune=abc", "commune", "reports.filter.unknown");
		assertRefused(officer, "/intake/inbox?commune=99999999999999999999", "commune", "reports.filter.unknown");
		assertRefused(officer, "/intake/inbox?from=2026-13-45", "from", "reports.filter.date");
		assertRefused(officer, "/intake/inbox?to=yesterday", "to", "reports.filter.date");
		assertRefused(officer, "/intake/inbox?from=2026-12-09&to=2026-12-01", "to", "reports.filter.to-before-from");
		assertRefused(officer, "/intake/inbox?sort=name;drop", "sort", "reports.filter.unknown");
		assertRefused(officer, "/intake/inbox?dir=sideways", "dir", "reports.filter.unknown");
		assertRefused(officer, "/intake/recorded?page=-1", "page", "reports.filter.unknown");
	}

	@Test
	void theRefusalsAndTheListReadInEnglish() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, O_MON));

		var refused = officer.get("/intake/inbox?q=x&lang=en");

		assertThat(refused.status()).isEqualTo(400);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.getElementById("q-error").text()).isEqualTo("Type at least 2 characters to search.");
		assertThat(page.selectFirst("label[for=q]").text()).isEqualTo("Search");
		assertThat(page.selectFirst("#more-filters summary").text()).isEqualTo("Filters and order");
		var dates = officer.get("/intake/inbox?from=2026-12-09&to=2026-12-01&lang=en");
		assertThat(Jsoup.parse(dates.body()).getElementById("to-error").text())
			.isEqualTo("The end date must be on or after the start date.");
	}

	private void assertRefused(TestUserAgent agent, String path, String field, String key) {
		var response = agent.get(path);
		assertThat(response.status()).as(path).isEqualTo(400);
		assertThat(errorOf(response, field)).as(path).isEqualTo(message(key));
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("#inbox tbody tr")).as(path).isEmpty();
		assertThat(page.getElementById(field)).as("the control named by the error").isNotNull();
	}

	private static String errorOf(TestUserAgent.Response response, String field) {
		Element error = Jsoup.parse(response.body()).getElementById(field + "-error");
		return error == null ? null : error.text();
	}

	private ReportDrafts emergency() {
		return ReportDrafts.at(oMon)
			.withHarm(HarmForm.SEXUAL_MOLESTATION)
			.withDangerSigns(DangerSign.SEXUAL_ABUSE_WITHIN_72_HOURS);
	}

	private ReportDrafts normal() {
		return ReportDrafts.at(oMon).withHarm(HarmForm.NEGLECT);
	}

	private CaseLink caseOf(ReportReceipt receipt) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> intake.caseOf(receipt.id()), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private Element onlyRow(TestUserAgent agent, String path) {
		var response = agent.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		Elements rows = Jsoup.parse(response.body()).select("#inbox tbody tr");
		assertThat(rows).as(path).hasSize(1);
		return rows.get(0);
	}

	/** The reports a list shows, in its order. */
	private java.util.List<UUID> ids(TestUserAgent agent, String path) {
		var response = agent.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body())
			.select("#inbox tbody tr a[href^=/intake/reports/]")
			.stream()
			.map(a -> UUID.fromString(a.attr("href").replace("/intake/reports/", "")))
			.toList();
	}

	private long phoneSearches(String actor, ReportReceipt receipt) {
		return jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'RECORD_VIEWED' "
					+ "AND target_type = 'REPORTER_IDENTITY' AND target_id = ? AND detail = ?")
			.param(actor)
			.param(receipt.id().toString())
			.param(ReportLists.PHONE_SEARCH)
			.query(Long.class)
			.single();
	}

	private CurrentUser user(String username) {
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
		return accounts.current(id).orElseThrow();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).location()).as("sign-in of %s", username).endsWith("/");
		return agent;
	}

	/** A given name no other report has: letters only, as a name must be. */
	private static String unique() {
		StringBuilder name = new StringBuilder("Kh");
		for (char c : Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 26).toCharArray()) {
			name.append((char) ('a' + Character.digit(c, 26)));
		}
		return name.toString();
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, VIETNAMESE);
	}

}
