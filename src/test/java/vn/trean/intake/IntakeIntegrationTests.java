package vn.trean.intake;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

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
import vn.trean.OverlappingTransactions;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.children.ChildDetails;
import vn.trean.children.ChildId;
import vn.trean.children.ChildRegistry;
import vn.trean.children.Sex;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recording reports through the receiving point's form (Mẫu 01): triage, routing, the
 * child registry, notifications, the inboxes, access to reports and to the reporter's
 * identity, the form's rules with their translated messages, and the duplicate search.
 */
@IntegrationTest
class IntakeIntegrationTests {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final String REPORTER = "Trần Thị Hoa";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	ChildRegistry childRegistry;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	private UnitId city;

	private UnitId caiKhe;

	/**
	 * The inbox tests' ward: no other test reports there, so its inbox holds only theirs.
	 */
	private UnitId tanAn;

	private UnitId ninhKieu;

	private UnitId haNoi;

	/** A birth date that makes a child nine today. */
	private LocalDate nineYearsOld;

	@BeforeEach
	void units() {
		LocalDate today = geography.today();
		city = testUnits.canTho();
		caiKhe = testUnits.caiKhe();
		tanAn = testUnits.id("31147");
		ninhKieu = testUnits.ninhKieu();
		haNoi = testUnits.id("01");
		nineYearsOld = today.minusYears(9).minusDays(40);
	}

	@Test
	void hotlineOperatorRecordsAnEmergencyThatIsTriagedRoutedAndNotified() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		String chair = testAccounts.create(Role.COMMUNE_CHAIR, "31120");
		String operator = testAccounts.create(Role.HOTLINE_OPERATOR, "92");
		TestUserAgent agent = operatorAtTheForm(operator);
		long children = count("child");
		long reports = count("report");

		var response = agent.post("/intake/reports", emergency("Phạm Ngọc Lan").pairs());

		assertThat(response.status()).isEqualTo(302);
		assertThat(path(response.location())).matches("/intake/reports/[0-9a-f-]{36}");
		UUID id = idOf(response);
		assertThat(count("report")).isEqualTo(reports + 1);
		Map<String, Object> row = jdbc.sql("SELECT * FROM report WHERE id = ?").param(id).query().singleRow();
		assertThat(row.get("urgency")).isEqualTo("EMERGENCY");
		Timestamp received = (Timestamp) row.get("received_at");
		Timestamp due = (Timestamp) row.get("emergency_decision_due");
		assertThat(Duration.between(received.toInstant(), due.toInstant())).isEqualTo(Duration.ofHours(12));
		assertThat(row.get("routed_unit_id")).isEqualTo(caiKhe.value());
		assertThat(row.get("transfer_out")).isEqualTo(false);
		assertThat(row.get("status")).isEqualTo("RECEIVED");
		assertThat(row.get("channel")).isEqualTo("CITY_LINE_18008065");
		assertThat(row.get("received_by")).isEqualTo(userId(operator));
		assertThat(row.get("harm_forms")).isEqualTo("SEXUAL_MOLESTATION");
		assertThat(row.get("danger_signs")).isEqualTo("SEXUAL_ABUSE_WITHIN_72_HOURS");
		assertThat(row.get("reporter_name")).isEqualTo(REPORTER);
		assertThat(row.get("reporter_phone")).isEqualTo("+84912345678");

		// the child is registered and the report names her
		assertThat(count("child")).isEqualTo(children + 1);
		long childId = jdbc.sql("SELECT child_id FROM report_child WHERE report_id = ? AND position = 0")
			.param(id)
			.query(Long.class)
			.single();
		Map<String, Object> child = jdbc.sql("SELECT * FROM child WHERE id = ?").param(childId).query().singleRow();
		assertThat(child.get("full_name")).isEqualTo("Phạm Ngọc Lan");
		assertThat(child.get("sex")).isEqualTo("FEMALE");
		assertThat(((java.sql.Date) child.get("birth_date")).toLocalDate()).isEqualTo(nineYearsOld);
		assertThat(child.get("residence_unit_id")).isEqualTo(caiKhe.value());

		// ReportReceived was published, and the ward's officer and chair are told
		assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type = ? AND serialized_event LIKE ?")
			.param(ReportReceived.class.getName())
			.param("%" + id + "%")
			.query(Long.class)
			.single()).isPositive();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notified(id)).contains(userId(officer), userId(chair)));

		// the operator lands on the report
		var page = agent.get(path(response.location()));
		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.selectFirst(".flash").text()).isEqualTo(message("report.recorded"));
		assertThat(html.selectFirst(".urgency strong").text()).isEqualTo(message("urgency.EMERGENCY"));
		assertThat(html.text()).contains("Phạm Ngọc Lan", "Phường Cái Khế");
	}

	@Test
	void anEmergencyTakenIntoACaseStaysAboveALaterCounsellingCallInTheInbox() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31147");
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		UUID emergency = idOf(operator.post("/intake/reports", inTanAn(emergency("Lý Gia Hân")).pairs()));
		await().atMost(Duration.ofSeconds(10)).until(() -> inCase(emergency));
		// a counselling call never goes into a case
		UUID counselling = idOf(operator.post("/intake/reports",
				inTanAn(emergency("Mai Bảo Châu")).without("dangerSigns")
					.without("harmForms")
					.set("contactType", "COUNSELLING")
					.set("account", "Bố của trẻ hỏi nơi học kỹ năng sống.")
					.pairs()));

		Elements rows = Jsoup.parse(signedIn(officer).get("/intake/inbox").body()).select("#inbox tbody tr");

		assertThat(rowOf(rows, emergency)).as("the emergency is listed").isNotNegative();
		assertThat(rowOf(rows, counselling)).as("the counselling call comes after the emergency")
			.isGreaterThan(rowOf(rows, emergency));
		assertThat(rowOf(rows, emergency)).isEqualTo(listedBefore(tanAn, emergency));
	}

	@Test
	void aReportTheOfficerHasTakenUpComesAfterANewEmergency() {
		String officerName = testAccounts.create(Role.COMMUNE_OFFICER, "31147");
		TestUserAgent officer = signedIn(officerName);
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		UUID opened = idOf(operator.post("/intake/reports", inTanAn(normal("Trương Gia Bảo")).pairs()));
		assertThat(officer.get("/intake/reports/" + opened).status()).isEqualTo(200);
		officer.post("/intake/reports/" + opened + "/take-up", Map.of());
		assertThat(statusOf(opened)).isEqualTo("IN_HANDLING");
		UUID emergency = idOf(operator.post("/intake/reports", inTanAn(emergency("Trương Gia Hân")).pairs()));

		Elements rows = Jsoup.parse(officer.get("/intake/inbox").body()).select("#inbox tbody tr");

		assertThat(rowOf(rows, emergency)).as("the new emergency is listed").isNotNegative();
		assertThat(rowOf(rows, opened)).as("the opened normal report comes after it")
			.isGreaterThan(rowOf(rows, emergency));
	}

	@Test
	void officersInboxListsTheEmergencyAboveAnEarlierNormalReportWithTheCountdown() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31147");
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		UUID normal = idOf(operator.post("/intake/reports", inTanAn(normal("Võ Minh Khang")).pairs()));
		UUID emergency = idOf(operator.post("/intake/reports", inTanAn(emergency("Đặng Thu Hà")).pairs()));
		assertThat(urgencyOf(normal)).isEqualTo("NORMAL");
		// the case work takes both into cases; the inbox keeps them
		await().atMost(Duration.ofSeconds(10)).until(() -> inCase(normal) && inCase(emergency));

		var inbox = signedIn(officer).get("/intake/inbox");

		assertThat(inbox.status()).isEqualTo(200);
		Elements rows = Jsoup.parse(inbox.body()).select("#inbox tbody tr");
		int emergencyRow = rowOf(rows, emergency);
		int normalRow = rowOf(rows, normal);
		assertThat(emergencyRow).as("the emergency is listed").isNotNegative();
		assertThat(normalRow).as("the normal report is listed").isGreaterThan(emergencyRow);
		// first, but for emergencies still needing attention whose 12 hours run out
		// sooner (none when the inbox holds only this test's reports)
		assertThat(emergencyRow).isEqualTo(listedBefore(tanAn, emergency));
		Element row = rows.get(emergencyRow);
		assertThat(row.selectFirst(".countdown").text()).matches(countdown());
		assertThat(rows.get(normalRow).select(".countdown")).isEmpty();
		assertThat(rows.get(normalRow).selectFirst("strong").text()).isEqualTo(message("urgency.NORMAL"));
	}

	@Test
	void officerOfAnotherWardNeitherSeesNorOpensTheReport() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		UUID id = idOf(operator.post("/intake/reports", emergency("Huỳnh Bảo Ngọc").pairs()));
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31135");
		TestUserAgent ninhKieuOfficer = signedIn(officer);

		var inbox = ninhKieuOfficer.get("/intake/inbox");
		assertThat(inbox.status()).isEqualTo(200);
		assertThat(inbox.body()).doesNotContain(id.toString());

		var opened = ninhKieuOfficer.get("/intake/reports/" + id);

		assertThat(opened.status()).isEqualTo(403);
		assertThat(Jsoup.parse(opened.body()).text()).contains(message("access.refused.jurisdiction"))
			.doesNotContain("Huỳnh Bảo Ngọc")
			.doesNotContain(REPORTER);
		assertThat(accessEntries(officer, "REPORT", id)).isZero();
		assertThat(statusOf(id)).isEqualTo("RECEIVED");
	}

	@Test
	void openingAReportWritesAnAccessEntry() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		UUID id = idOf(operator.post("/intake/reports", emergency("Lý Gia Hân").pairs()));
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = signedIn(officer);
		assertThat(accessEntries(officer, "REPORT", id)).isZero();

		var page = agent.get("/intake/reports/" + id);

		assertThat(page.status()).isEqualTo(200);
		assertThat(accessEntries(officer, "REPORT", id)).isEqualTo(1);
		// reading is not taking up: the reporter is not told that work has begun
		assertThat(statusOf(id)).isEqualTo("RECEIVED");
	}

	@Test
	void takingUpAReportIsAnExplicitAuditedActOfAnOfficerOfTheRoutedWard() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		UUID id = idOf(operator.post("/intake/reports", emergency("Lý Gia Huy").pairs()));
		String chair = testAccounts.create(Role.COMMUNE_CHAIR, "31120");
		TestUserAgent chairAgent = signedIn(chair);
		assertThat(chairAgent.get("/intake/reports/" + id).body()).doesNotContain("id=\"take-up\"");
		TestUserAgent otherWard = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31147"));
		otherWard.get("/intake/inbox");
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = signedIn(officer);
		assertThat(agent.get("/intake/reports/" + id).body()).contains("id=\"take-up\"");

		var byChair = chairAgent.post("/intake/reports/" + id + "/take-up", Map.of());
		var byOtherWard = otherWard.post("/intake/reports/" + id + "/take-up", Map.of());
		assertThat(statusOf(id)).isEqualTo("RECEIVED");
		var byOfficer = agent.post("/intake/reports/" + id + "/take-up", Map.of());
		var again = agent.post("/intake/reports/" + id + "/take-up", Map.of());

		assertThat(byChair.status()).isEqualTo(403);
		assertThat(byOtherWard.status()).isEqualTo(403);
		assertThat(byOfficer.status()).isEqualTo(302);
		assertThat(statusOf(id)).isEqualTo("IN_HANDLING");
		assertThat(agent.get(byOfficer.location().replaceFirst("^https?://[^/]+", "")).body())
			.contains(message("report.taken-up"));
		assertThat(again.status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'REPORT_TAKEN_UP' AND target_id = :id")
			.param("id", id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(agent.get("/intake/reports/" + id).body()).doesNotContain("id=\"take-up\"");
	}

	@Test
	void chairDoesNotSeeTheReporterWhileTheOfficerDoesAndThatIsLogged() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		String chair = testAccounts.create(Role.COMMUNE_CHAIR, "31120");
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		UUID id = idOf(operator.post("/intake/reports", emergency("Trịnh Mỹ Duyên").pairs()));

		var chairsPage = signedIn(chair).get("/intake/reports/" + id);

		assertThat(chairsPage.status()).isEqualTo(200);
		Document chairs = Jsoup.parse(chairsPage.body());
		assertThat(chairs.getElementById("reporter")).isNull();
		assertThat(chairs.getElementById("reporter-hidden").text()).isEqualTo(message("report.reporter.confidential"));
		assertThat(chairsPage.body()).doesNotContain(REPORTER).doesNotContain("912345678");
		assertThat(chairs.text()).contains("Trịnh Mỹ Duyên");
		assertThat(accessEntries(chair, "REPORT", id)).isEqualTo(1);
		assertThat(accessEntries(chair, "REPORTER_IDENTITY", id)).isZero();

		var officersPage = signedIn(officer).get("/intake/reports/" + id);

		assertThat(officersPage.status()).isEqualTo(200);
		Document officers = Jsoup.parse(officersPage.body());
		assertThat(officers.getElementById("reporter-hidden")).isNull();
		assertThat(officers.getElementById("reporter").text()).contains(REPORTER, "+84912345678");
		assertThat(accessEntries(officer, "REPORT", id)).isEqualTo(1);
		assertThat(accessEntries(officer, "REPORTER_IDENTITY", id)).isEqualTo(1);
	}

	@Test
	void placeOutsideTheProvinceGoesToTheProvinceForTransfer() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));

		var response = operator.post("/intake/reports",
				emergency("Bùi Khánh Linh").set("placeUnit", Long.toString(haNoi.value())).pairs());

		assertThat(response.status()).isEqualTo(302);
		UUID id = idOf(response);
		Map<String, Object> row = jdbc
			.sql("SELECT routed_unit_id, transfer_out, place_unit_id FROM report WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row.get("routed_unit_id")).isEqualTo(city.value());
		assertThat(row.get("transfer_out")).isEqualTo(true);
		assertThat(row.get("place_unit_id")).isEqualTo(haNoi.value());
		assertThat(Jsoup.parse(operator.get("/intake/reports/" + id).body()).text())
			.contains(message("report.transfer-out"));
	}

	@Test
	void reportWithoutAPlaceGoesToTheCommuneWhereTheChildLives() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));

		var response = operator.post("/intake/reports",
				emergency("Tô Ngọc Diệp").set("placeUnit", "")
					.set("children[0].residence", Long.toString(ninhKieu.value()))
					.pairs());

		assertThat(response.status()).isEqualTo(302);
		assertThat(routedUnitOf(idOf(response))).isEqualTo(ninhKieu.value());
	}

	@Test
	void reportWithoutAPlaceOrAResidenceGoesToTheProvince() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));

		var response = operator.post("/intake/reports",
				emergency("Tô Ngọc Diệp").set("placeUnit", "").set("children[0].residence", "").pairs());

		assertThat(response.status()).isEqualTo(302);
		assertThat(routedUnitOf(idOf(response))).isEqualTo(city.value());
	}

	@Test
	void operatorsListShowsWhatTheyRecordedNewestFirstAndNothingOfOthers() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		TestUserAgent colleague = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		UUID older = idOf(operator.post("/intake/reports", normal("Hồ Minh Trí").pairs()));
		UUID newer = idOf(operator.post("/intake/reports", emergency("Hồ Minh Tâm").pairs()));
		UUID theirs = idOf(colleague.post("/intake/reports", emergency("Hồ Minh Tú").pairs()));

		var page = operator.get("/intake/recorded");

		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.selectFirst("h1").text()).isEqualTo(message("recorded.title"));
		Elements rows = html.select("#inbox tbody tr");
		assertThat(rows).hasSize(2);
		assertThat(rowOf(rows, newer)).isZero();
		assertThat(rowOf(rows, older)).isOne();
		assertThat(rowOf(rows, theirs)).isNegative();
	}

	@Test
	void aRecorderWhoseRoleBecameStatisticianNoLongerReadsOrPrintsTheReport() {
		long agency = jdbc.sql("SELECT id FROM agency WHERE unit_id = ? ORDER BY id LIMIT 1")
			.param(caiKhe.value())
			.query(Long.class)
			.single();
		String focalPoint = testAccounts.create(Role.AGENCY_FOCAL_POINT, "31120", new AgencyId(agency), true);
		TestUserAgent recorder = operatorAtTheForm(focalPoint);
		UUID id = idOf(
				recorder.post("/intake/reports", emergency("Mai Thảo Vy").without("children[0].linkTo").pairs()));
		assertThat(recorder.get("/intake/reports/" + id).status()).isEqualTo(200);
		assertThat(recorder.get("/intake/reports/" + id + "/print").status()).isEqualTo(200);
		assertThat(Jsoup.parse(recorder.get("/intake/recorded").body()).select("#inbox tbody tr")).hasSize(1);

		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		admin.get("/admin/users/" + userId(focalPoint));
		var changed = admin.post("/admin/users/" + userId(focalPoint),
				Map.of("displayName", "Đầu mối nay là thống kê", "jurisdiction", Long.toString(caiKhe.value()),
						"agency", Long.toString(agency), "roles", "STATISTICIAN", "enabled", "true"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(302);

		var page = recorder.get("/intake/reports/" + id);
		var print = recorder.get("/intake/reports/" + id + "/print");
		var list = recorder.get("/intake/recorded");

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).doesNotContain("Mai Thảo Vy").doesNotContain(REPORTER);
		assertThat(print.status()).isEqualTo(403);
		assertThat(print.headers().firstValue("Content-Type").orElse("")).doesNotContain("pdf");
		assertThat(list.status()).isEqualTo(403);
		assertThat(list.body()).doesNotContain(id.toString());
		assertThat(accessEntries(focalPoint, "REPORT", id)).isEqualTo(2);
	}

	@Test
	void aRecorderMovedToAnotherAgencyNoLongerReadsTheReportsOfTheFormerOne() {
		List<Long> agencies = jdbc.sql("SELECT id FROM agency WHERE unit_id = ? ORDER BY id LIMIT 2")
			.param(caiKhe.value())
			.query(Long.class)
			.list();
		assertThat(agencies).hasSize(2);
		String focalPoint = testAccounts.create(Role.AGENCY_FOCAL_POINT, "31120", new AgencyId(agencies.get(0)), true);
		TestUserAgent recorder = operatorAtTheForm(focalPoint);
		UUID id = idOf(
				recorder.post("/intake/reports", emergency("Mai Thảo Vân").without("children[0].linkTo").pairs()));
		jdbc.sql("UPDATE app_user SET agency_id = ? WHERE id = ?")
			.param(agencies.get(1))
			.param(userId(focalPoint))
			.update();

		assertThat(recorder.get("/intake/reports/" + id).status()).isEqualTo(403);
		assertThat(recorder.get("/intake/recorded").body()).doesNotContain(id.toString());
	}

	@Test
	void counsellingWithoutDangerIsNormal() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		ReportForm form = emergency("Mai Anh Thư").without("dangerSigns")
			.without("harmForms")
			.set("contactType", "COUNSELLING")
			.set("account", "Mẹ của trẻ hỏi cách nói chuyện với con về an toàn cơ thể.");

		var response = operator.post("/intake/reports", form.pairs());

		assertThat(response.status()).isEqualTo(302);
		UUID id = idOf(response);
		Map<String, Object> row = jdbc
			.sql("SELECT urgency, emergency_decision_due, contact_type, routed_unit_id FROM report WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row.get("urgency")).isEqualTo("NORMAL");
		assertThat(row.get("emergency_decision_due")).isNull();
		assertThat(row.get("contact_type")).isEqualTo("COUNSELLING");
		assertThat(row.get("routed_unit_id")).isEqualTo(caiKhe.value());
	}

	@Test
	void linkingAnExistingChildRegistersNoNewOne() {
		ChildId existing = childRegistry.register(
				new ChildDetails("Đỗ Quỳnh Như", Sex.FEMALE, nineYearsOld, null, null, caiKhe, null, null, null),
				false);
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		long children = count("child");

		var response = operator.post("/intake/reports",
				emergency("Đỗ Quỳnh Như").set("children[0].linkTo", referenceOf(existing)).pairs());

		assertThat(response.status()).isEqualTo(302);
		assertThat(count("child")).isEqualTo(children);
		assertThat(jdbc.sql("SELECT child_id FROM report_child WHERE report_id = ?")
			.param(idOf(response))
			.query(Long.class)
			.list()).containsExactly(existing.value());
	}

	@Test
	void aChildWhoMayBeRegisteredAlreadyIsNeverAddedAsNewWithoutTheOperatorsChoice() {
		String name = "Đỗ Quỳnh Như" + (char) ('a' + System.nanoTime() % 26);
		ChildId existing = childRegistry
			.register(new ChildDetails(name, Sex.FEMALE, nineYearsOld, null, null, caiKhe, null, null, null), false);
		String operatorName = testAccounts.create(Role.HOTLINE_OPERATOR, "92");
		TestUserAgent operator = operatorAtTheForm(operatorName);
		long children = count("child");
		long reports = count("report");

		var refused = operator.post("/intake/reports", emergency(name).without("children[0].linkTo").pairs());

		assertThat(refused.status()).isEqualTo(422);
		Document html = Jsoup.parse(refused.body());
		assertThat(html.getElementById("children[0].linkTo-error").text()).isEqualTo(message("report.child.choose"));
		// the matches are on the page, nothing chosen for the operator
		assertThat(html.getElementById("link-0-" + referenceOf(existing))).isNotNull();
		assertThat(html.getElementById("link-0-new").hasAttr("checked")).isFalse();
		assertThat(html.select("#matches-0 input[type=radio][checked]")).isEmpty();
		assertThat(count("child")).isEqualTo(children);
		assertThat(count("report")).isEqualTo(reports);
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'RECORD_VIEWED' "
					+ "AND target_type = 'CHILD' AND target_id = ?")
			.param(operatorName)
			.param(Long.toString(existing.value()))
			.query(Long.class)
			.single()).as("the match shown is access-logged").isOne();

		var confirmedNew = operator.post("/intake/reports", emergency(name).pairs());

		assertThat(confirmedNew.status()).isEqualTo(302);
		assertThat(count("child")).isEqualTo(children + 1);
	}

	@Test
	void aChildOfAnotherCommuneThatWasNotOfferedCannotBeLinked() {
		ChildId elsewhere = childRegistry.register(
				new ChildDetails("Phạm Thị Xa", Sex.FEMALE, nineYearsOld, null, null, caiKhe, null, null, null), false);
		TestUserAgent officer = operatorAtTheForm(testAccounts.create(Role.COMMUNE_OFFICER, "31135"));
		long reports = count("report");
		long links = count("report_child");

		var refused = officer.post("/intake/reports",
				emergency("Võ Văn Khác").set("children[0].linkTo", referenceOf(elsewhere)).pairs());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).getElementById("children[0].linkTo-error").text())
			.isEqualTo(message("report.child.link-unknown"));
		assertThat(count("report")).isEqualTo(reports);
		assertThat(count("report_child")).isEqualTo(links);
	}

	@Test
	void anInternalChildIdIsNoReferenceToLink() {
		ChildId registered = childRegistry.register(
				new ChildDetails("Phạm Thị Số", Sex.FEMALE, nineYearsOld, null, null, caiKhe, null, null, null), false);
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		long reports = count("report");

		var refused = operator.post("/intake/reports",
				emergency("Phạm Thị Số").set("children[0].linkTo", Long.toString(registered.value())).pairs());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).getElementById("children[0].linkTo-error").text())
			.isEqualTo(message("report.child.link-unknown"));
		assertThat(count("report")).isEqualTo(reports);
	}

	@Test
	void aRecorderWhoMayNotSeeChildrensRecordsCannotLinkAChild() {
		String name = "Đỗ Quỳnh Tám" + (char) ('a' + System.nanoTime() % 26);
		ChildId registered = childRegistry
			.register(new ChildDetails(name, Sex.FEMALE, nineYearsOld, null, null, caiKhe, null, null, null), false);
		long agency = jdbc.sql("SELECT id FROM agency WHERE unit_id = ? ORDER BY id LIMIT 1")
			.param(caiKhe.value())
			.query(Long.class)
			.single();
		TestUserAgent recorder = operatorAtTheForm(
				testAccounts.create(Role.AGENCY_FOCAL_POINT, "31120", new AgencyId(agency), true));
		long reports = count("report");

		var refused = recorder.post("/intake/reports",
				emergency(name).set("children[0].linkTo", referenceOf(registered)).pairs());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).getElementById("children[0].linkTo-error").text())
			.isEqualTo(message("report.child.link-unknown"));
		assertThat(count("report")).isEqualTo(reports);
	}

	@Test
	void aChildOutsideTheOfficersCommuneIsShownMaskedAndLinkedOnlyWithHerNumberAndASecondFact() {
		String name = "Phạm Thị Thu Ngoài" + (char) ('a' + System.nanoTime() % 26);
		String pid = newGirlsNumber(nineYearsOld.getYear());
		ChildId moved = childRegistry
			.register(new ChildDetails(name, Sex.FEMALE, nineYearsOld, null, pid, caiKhe, null, null, null), false);
		String officerName = testAccounts.create(Role.COMMUNE_OFFICER, "31135");
		TestUserAgent officer = operatorAtTheForm(officerName);

		var response = officer.post("/intake/children/matches?index=0", lookup(name, nineYearsOld, null).pairs());

		assertThat(response.status()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.getElementById("link-0-" + referenceOf(moved))).as("a masked child cannot be chosen").isNull();
		assertThat(response.body()).doesNotContain(referenceOf(moved));
		Element masked = page.selectFirst(".masked-match");
		assertThat(masked).as("the child who may have moved is mentioned").isNotNull();
		assertThat(masked.text())
			.contains("P… T… T… N…", Integer.toString(nineYearsOld.getYear()), geography.get(city).fullName(),
					message("report.matches.outside"))
			.doesNotContain("Phạm", name.substring(name.lastIndexOf(' ') + 1), geography.get(caiKhe).name(),
					message("child.match.name"));

		var guessed = officer.post("/intake/reports",
				emergency(name).set("children[0].linkTo", referenceOf(moved))
					.set("children[0].residence", Long.toString(ninhKieu.value()))
					.pairs());
		assertThat(guessed.status()).isEqualTo(422);

		var confirmed = officer.post("/intake/reports",
				emergency(name).set("children[0].linkTo", referenceOf(moved))
					.set("children[0].personalId", pid)
					.set("children[0].residence", Long.toString(ninhKieu.value()))
					.pairs());

		assertThat(jdbc.sql("SELECT child_id FROM report_child WHERE report_id = ?")
			.param(idOf(confirmed))
			.query(Long.class)
			.list()).containsExactly(moved.value());
	}

	@Test
	void aTypedNumberAloneRevealsNoNameNorPlaceAndEveryLookupIsLogged() {
		String pid = newGirlsNumber(nineYearsOld.getYear());
		ChildId registered = childRegistry.register(
				new ChildDetails("Phạm Thị Định", Sex.FEMALE, nineYearsOld, null, pid, caiKhe, null, null, null),
				false);
		String officerName = testAccounts.create(Role.COMMUNE_OFFICER, "31135");
		TestUserAgent officer = operatorAtTheForm(officerName);

		var byNumber = officer.post("/intake/children/matches?index=0", lookup("Lý Văn Bốn", null, pid).pairs());

		Element masked = Jsoup.parse(byNumber.body()).selectFirst(".masked-match");
		assertThat(masked).as("the holder of the number is mentioned, masked").isNotNull();
		assertThat(byNumber.body()).doesNotContain(referenceOf(registered));
		assertThat(masked.text()).contains(message("report.matches.name-withheld"))
			.doesNotContain("Phạm", "Định", "P…", geography.get(caiKhe).name(), geography.get(city).name(),
					message("child.match.personal-id"));

		// the number and her exact birth date: she is known to the caller
		var confirmed = officer.post("/intake/children/matches?index=0",
				lookup("Lý Văn Bốn", nineYearsOld, pid).pairs());

		assertThat(
				Jsoup.parse(confirmed.body()).selectFirst("label[for=link-0-" + referenceOf(registered) + "]").text())
			.contains("Phạm Thị Định", geography.get(caiKhe).fullName());
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'RECORD_VIEWED' "
					+ "AND target_type = 'CHILD_MATCHES'")
			.param(officerName)
			.query(Long.class)
			.single()).as("each lookup is access-logged").isEqualTo(2);
	}

	@Test
	void lookingUpMatchesTooOftenIsRefusedWithTooManyRequests() {
		TestUserAgent officer = operatorAtTheForm(testAccounts.create(Role.COMMUNE_OFFICER, "31135"));
		ReportForm lookup = lookup("Hồ Thị Nhiều", nineYearsOld, null);
		for (int i = 0; i < 60; i++) {
			assertThat(officer.post("/intake/children/matches?index=0", lookup.pairs()).status()).isEqualTo(200);
		}

		var refused = officer.post("/intake/children/matches?index=0", lookup.pairs());
		var save = officer.post("/intake/reports", emergency("Hồ Thị Nhiều").without("children[0].linkTo").pairs());

		assertThat(refused.status()).isEqualTo(429);
		assertThat(Jsoup.parse(refused.body()).text()).contains(message("report.matches.too-many"));
		assertThat(save.status()).isEqualTo(429);
		assertThat(Jsoup.parse(save.body()).getElementById("children[0].linkTo-error").text())
			.isEqualTo(message("report.matches.too-many"));
	}

	@Test
	void aMalformedReportIdInTheAddressNamesNoReport() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));

		assertThat(officer.get("/intake/reports/not-a-report").status()).isEqualTo(404);
		assertThat(officer.get("/intake/reports/12345/print").status()).isEqualTo(404);
		assertThat(officer.get("/intake/reports/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void missingAccountIsRefused() {
		assertRefused(emergency("Cao Thị Mơ").without("account"), "account", "validation.required");
	}

	@Test
	void harmWithoutAFormOfHarmIsRefused() {
		assertRefused(emergency("Cao Thị Mơ").without("harmForms"), "harmForms", "report.harm.required");
	}

	@Test
	void birthDateInTheFutureIsRefused() {
		assertRefused(emergency("Cao Thị Mơ").set("children[0].birthDate", geography.today().plusDays(3).toString()),
				"children[0].birthDate", "child.birth-date.future");
	}

	@Test
	void personOfSixteenIsNotAChild() {
		assertRefused(emergency("Cao Thị Mơ").set("children[0].birthDate", geography.today().minusYears(16).toString()),
				"children[0].birthDate", "child.too-old");
	}

	@Test
	void invalidPhoneIsRefused() {
		assertRefused(emergency("Cao Thị Mơ").set("reporterPhone", "12345"), "reporterPhone", "validation.phone");
	}

	@Test
	void personalIdOfWrongLengthIsRefused() {
		assertRefused(emergency("Cao Thị Mơ").set("children[0].personalId", "09231700123"), "children[0].personalId",
				"child.pid.format");
	}

	@Test
	void personalIdThatContradictsTheSexIsRefused() {
		// a girl born in the 2000s has 3 as the fourth digit; 2 is a boy's
		String yy = String.format("%02d", nineYearsOld.getYear() % 100);
		assertRefused(emergency("Cao Thị Mơ").set("children[0].personalId", "0922" + yy + "004217"),
				"children[0].personalId", "child.pid.sex");
	}

	@Test
	void aNewChildWithTheNumberOfARegisteredChildIsRefusedWithAHintToLink() {
		String pid = newGirlsNumber(nineYearsOld.getYear());
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		var first = operator.post("/intake/reports",
				emergency("Quách Thị Số").set("children[0].personalId", pid).pairs());
		assertThat(first.status()).isEqualTo(302);
		assertRefused(emergency("Quách Thị Số").set("children[0].personalId", pid), "children[0].personalId",
				"child.pid.registered");
	}

	@Test
	void aRecorderWhoMayNotSeeChildrensRecordsIsShownNoMatchesAndNeedsNoChoice() {
		String name = "Đỗ Quỳnh Bảy" + (char) ('a' + System.nanoTime() % 26);
		ChildId registered = childRegistry
			.register(new ChildDetails(name, Sex.FEMALE, nineYearsOld, null, null, caiKhe, null, null, null), false);
		long agency = jdbc.sql("SELECT id FROM agency WHERE unit_id = ? ORDER BY id LIMIT 1")
			.param(caiKhe.value())
			.query(Long.class)
			.single();
		String focalPoint = testAccounts.create(Role.AGENCY_FOCAL_POINT, "31120", new AgencyId(agency), true);
		TestUserAgent recorder = operatorAtTheForm(focalPoint);

		var response = recorder.post("/intake/reports", emergency(name).without("children[0].linkTo").pairs());

		assertThat(response.status()).isEqualTo(302);
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND target_type = 'CHILD' " + "AND target_id = ?")
			.param(focalPoint)
			.param(Long.toString(registered.value()))
			.query(Long.class)
			.single()).as("no registered child was shown to the recorder").isZero();
	}

	@Test
	void aChildRefusedForARegisteredNumberComesBackWithTheMatchToLink() {
		String pid = newGirlsNumber(nineYearsOld.getYear());
		ChildId registered = childRegistry.register(
				new ChildDetails("Quách Thị Năm", Sex.FEMALE, nineYearsOld, null, pid, caiKhe, null, null, null),
				false);
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));

		// confirmed new, but the number is a registered child's
		var refused = operator.post("/intake/reports",
				emergency("Quách Thị Năm").set("children[0].personalId", pid).pairs());

		assertThat(refused.status()).isEqualTo(422);
		Document html = Jsoup.parse(refused.body());
		assertThat(html.getElementById("children[0].personalId-error").text())
			.isEqualTo(message("child.pid.registered"));
		assertThat(html.getElementById("link-0-" + referenceOf(registered))).as("the child to link is offered")
			.isNotNull();
		assertThat(html.getElementById("children[0].linkTo-error")).as("a choice was made").isNull();

		var linked = operator.post("/intake/reports",
				emergency("Quách Thị Năm").set("children[0].personalId", pid)
					.set("children[0].linkTo", referenceOf(registered))
					.pairs());

		assertThat(linked.status()).isEqualTo(302);
	}

	@Test
	void addingASecondChildKeepsTheFirstChildsChoice() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));

		var page = operator.post("/intake/reports", emergency("Quách Thị Sáu").set("step", "add-child").pairs());

		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.select("input[name=children[0].linkTo]").attr("value")).isEqualTo("new");
		assertThat(html.select("input[name=children[1].fullName]")).hasSize(1);
		assertThat(html.select("button[value=add-child]").hasAttr("formnovalidate")).isTrue();
	}

	@Test
	void aGapInTheChildNumberingIsIgnoredNotAnError() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		ReportForm form = emergency("Tạ Thị Một");
		List<Map.Entry<String, String>> pairs = new ArrayList<>();
		form.pairs().forEach(p -> pairs.add(Map.entry(p.getKey().replace("children[0]", "children[3]"), p.getValue())));
		var response = operator.post("/intake/reports", pairs);
		assertThat(response.status()).isEqualTo(302);
	}

	@Test
	void anUnknownContactTypeIsRefusedNextToItsField() {
		assertRefused(emergency("Cao Thị Mơ").set("contactType", "BOGUS"), "contactType", "validation.required");
	}

	@Test
	void unknownPlaceIsRefused() {
		assertRefused(emergency("Cao Thị Mơ").set("placeUnit", "999999999"), "placeUnit", "validation.unit-unknown");
	}

	@Test
	void accountOfAMegabyteIsRefused() {
		assertRefused(emergency("Cao Thị Mơ").set("account", "a".repeat(1024 * 1024)), "account",
				"validation.too-long");
	}

	@Test
	void markupInAChildsNameIsRefusedAndEchoedEscaped() {
		String name = "<script>alert(1)</script> Lê Văn An";
		assertRefused(emergency(name), "children[0].fullName", "validation.markup");

		var page = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92")).post("/intake/reports",
				emergency(name).pairs());

		assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; Lê Văn An")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void anImageTagInTheAccountIsRefused() {
		assertRefused(emergency("Cao Thị Mơ").set("account", "Cháu bị đánh <img src=x onerror=alert(1)>"), "account",
				"validation.markup");
	}

	@Test
	void markupInTheSchoolOrTheParentsNameIsRefusedNextToThatField() {
		assertRefused(emergency("Cao Thị Mơ").set("children[0].school", "<b>Trường</b>"), "children[0].school",
				"validation.markup");
		assertRefused(emergency("Cao Thị Mơ").set("children[0].parentName", "<i>Lê</i>"), "children[0].parentName",
				"validation.markup");
	}

	@Test
	void aLessThanSignThatOpensNoTagIsKeptAsText() {
		String account = "Trẻ < 6 tuổi, 3<5 lần một tuần bị bỏ đói.";
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));

		var response = operator.post("/intake/reports", emergency("Cao Thị Mơ").set("account", account).pairs());

		assertThat(response.status()).isEqualTo(302);
		assertThat(
				jdbc.sql("SELECT account FROM report WHERE id = ?").param(idOf(response)).query(String.class).single())
			.isEqualTo(account);
	}

	@Test
	void aNumberRegisteredByAnotherReportAtTheSameMomentIsRefusedWithAHintToLink() throws Exception {
		String pid = newGirlsNumber(nineYearsOld.getYear());
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		long reports = count("report");

		// another report registers a child with the number and has not committed yet
		var second = OverlappingTransactions.whileOpen(dataSource, jdbc, first -> {
			try (var insert = first.prepareStatement("""
					INSERT INTO child (full_name, name_key, given_key, sex, personal_id, demo, created_at)
					VALUES ('Quách Thị Ba', 'quach thi ba', 'ba', 'FEMALE', ?, false, now())""")) {
				insert.setString(1, pid);
				insert.executeUpdate();
			}
		}, () -> operator.post("/intake/reports",
				emergency("Quách Thị Ba").set("children[0].personalId", pid).pairs()));

		assertThat(second.waited()).as("the second registration waited for the first").isTrue();
		assertThat(second.value().status()).isEqualTo(422);
		assertThat(Jsoup.parse(second.value().body()).getElementById("children[0].personalId-error").text())
			.isEqualTo(message("child.pid.registered"));
		assertThat(count("report")).isEqualTo(reports);
	}

	@Test
	void twoChildrenWithTheSameNewNumberInOneReportAreRefused() {
		String pid = newGirlsNumber(nineYearsOld.getYear());
		ReportForm form = emergency("Quách Thị Một").set("children[0].personalId", pid)
			.set("children[1].fullName", "Quách Thị Hai")
			.set("children[1].sex", "FEMALE")
			.set("children[1].birthDate", nineYearsOld.toString())
			.set("children[1].personalId", pid);

		assertRefused(form, "children[1].personalId", "report.child.repeated");
	}

	@Test
	void numberOfAnAdultIsRefusedForAChildOfApproximateAge() {
		// a woman born in 1999: century digit 1
		assertRefused(withApproximateAge(9).set("children[0].personalId", "092199004217"), "children[0].personalId",
				"child.too-old");
	}

	@Test
	void numberOfABirthYearStillToComeIsRefused() {
		String yy = String.format("%02d", (geography.today().getYear() + 3) % 100);
		assertRefused(withApproximateAge(1).set("children[0].personalId", "0923" + yy + "004217"),
				"children[0].personalId", "child.pid.year-future");
	}

	@Test
	void numberThatContradictsTheApproximateAgeIsRefused() {
		// born five years ago, said to be about twelve
		String yy = String.format("%02d", (geography.today().getYear() - 5) % 100);
		assertRefused(withApproximateAge(12).set("children[0].personalId", "0923" + yy + "004217"),
				"children[0].personalId", "child.pid.age");
	}

	@Test
	void numberThatAgreesWithTheApproximateAgeIsAccepted() {
		String pid = newGirlsNumber((geography.today().getYear() - 9));
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));

		var response = operator.post("/intake/reports",
				withApproximateAge(9).set("children[0].personalId", pid).pairs());

		assertThat(response.status()).isEqualTo(302);
	}

	@Test
	void nameThatGrowsPastItsLimitWhenComposedIsRefused() {
		// U+0958 is stored (NFC) as two characters: 150 typed, 300 stored
		assertRefused(emergency("\u0958".repeat(150)), "children[0].fullName", "validation.too-long");
	}

	@Test
	void nameWhoseSearchKeyIsLongerThanTheNameIsStored() {
		// folding decomposes each Hangul syllable into two or three letters
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));

		var response = operator.post("/intake/reports", emergency("한".repeat(150)).pairs());

		assertThat(response.status()).isEqualTo(302);
	}

	private ReportForm inTanAn(ReportForm form) {
		return form.set("placeUnit", Long.toString(tanAn.value()))
			.set("children[0].residence", Long.toString(tanAn.value()));
	}

	/** A girl's identification number for a birth year, not yet in the registry. */
	private static String newGirlsNumber(int birthYear) {
		return "0923" + String.format("%02d", birthYear % 100) + String.format("%06d", System.nanoTime() % 1_000_000);
	}

	private ReportForm withApproximateAge(int years) {
		return emergency("Cao Thị Mơ").set("children[0].birthDate", "")
			.set("children[0].approximateAge", Integer.toString(years));
	}

	@Test
	void addingAChildShowsASecondChildAndSavesNothing() {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		long reports = count("report");
		long children = count("child");

		var response = operator.post("/intake/reports", emergency("Tạ Minh Châu").set("step", "add-child").pairs());

		assertThat(response.status()).isEqualTo(200);
		Document form = Jsoup.parse(response.body());
		assertThat(form.select("fieldset.child")).hasSize(2);
		assertThat(form.getElementById("c0-name").val()).isEqualTo("Tạ Minh Châu");
		assertThat(form.getElementById("c1-name").attr("name")).isEqualTo("children[1].fullName");
		assertThat(form.getElementById("c1-name").val()).isEmpty();
		assertThat(form.getElementById("account").text()).isEqualTo(emergency("x").get("account"));
		assertThat(form.getElementById("danger-SEXUAL_ABUSE_WITHIN_72_HOURS").hasAttr("checked")).isTrue();
		assertThat(form.select(".field-error")).isEmpty();
		assertThat(count("report")).isEqualTo(reports);
		assertThat(count("child")).isEqualTo(children);
	}

	@Test
	void duplicateSearchFindsARegisteredChildWhateverTheSpelling() {
		ChildId thuy = childRegistry.register(new ChildDetails("Nguyễn Thị Thủy", Sex.FEMALE, nineYearsOld, null, null,
				caiKhe, null, null, "Nguyễn Văn Tám"), false);
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));

		for (String typed : List.of("NGUYEN THI THUY", Normalizer.normalize("Nguyễn Thị Thủy", Normalizer.Form.NFD),
				"Nguyễn Thị Thuỷ")) {
			var response = operator.post("/intake/children/matches?index=0",
					new ReportForm().set("children[0].fullName", typed)
						.set("children[0].sex", "FEMALE")
						.set("children[0].birthDate", nineYearsOld.toString())
						.set("children[0].residence", Long.toString(caiKhe.value()))
						.pairs());

			assertThat(response.status()).as(typed).isEqualTo(200);
			Document partial = Jsoup.parse(response.body());
			Element match = partial.getElementById("link-0-" + referenceOf(thuy));
			assertThat(match).as("%s lists the registered child", typed).isNotNull();
			assertThat(match.attr("name")).isEqualTo("children[0].linkTo");
			String label = partial.selectFirst("label[for=link-0-" + referenceOf(thuy) + "]").text();
			assertThat(label).as(typed)
				.contains("Nguyễn Thị Thủy", message("child.match.name"), message("child.match.birth-date"),
						message("child.match.commune"));
			assertThat(partial.getElementById("link-0-new")).as("a new child stays a choice").isNotNull();
		}
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'RECORD_VIEWED' AND target_type = 'CHILD' "
					+ "AND target_id = :child")
			.param("child", Long.toString(thuy.value()))
			.query(Long.class)
			.single()).as("every showing of the child is access-logged").isEqualTo(3);
	}

	private void assertRefused(ReportForm form, String field, String messageKey) {
		TestUserAgent operator = operatorAtTheForm(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		long reports = count("report");
		long children = count("child");

		var response = operator.post("/intake/reports", form.pairs());

		assertThat(response.status()).as("status for %s", field).isEqualTo(422);
		Document html = Jsoup.parse(response.body());
		Element error = html.getElementById(field + "-error");
		assertThat(error).as("error next to %s", field).isNotNull();
		assertThat(error.text()).isEqualTo(message(messageKey));
		Element before = error.previousElementSibling();
		assertThat(before.getElementsByAttributeValue("name", field)).as("the field right before the error")
			.isNotEmpty();
		assertThat(html.select(".field-error")).hasSize(1);
		assertThat(html.select(".alert").eachText()).contains(message("form.has-errors"));
		if (!field.endsWith("linkTo") && !field.equals("dangerSigns") && !field.equals("children")) {
			// a screen reader hears the error with the field
			Element control = html.getElementsByAttributeValue("aria-describedby", field + "-error").first();
			assertThat(control)
				.as("the field described by its error: %s", html.getElementsByAttributeValue("name", field))
				.isNotNull();
			assertThat(control.attr("name")).isEqualTo(field);
			assertThat(control.attr("aria-invalid")).isEqualTo("true");
		}
		assertThat(count("report")).isEqualTo(reports);
		assertThat(count("child")).isEqualTo(children);
	}

	/**
	 * A hotline operator's report of a nine-year-old girl molested in Cái Khế within 72
	 * hours, by a neighbour who can reach her.
	 */
	private ReportForm emergency(String childName) {
		return new ReportForm().set("channel", "CITY_LINE_18008065")
			.set("reporterName", REPORTER)
			.set("reporterPhone", "0912 345 678")
			.set("reporterRelation", "NEIGHBOUR")
			.set("reporterWantsFeedback", "true")
			.set("children[0].fullName", childName)
			.set("children[0].sex", "FEMALE")
			.set("children[0].birthDate", nineYearsOld.toString())
			.set("children[0].approximateAge", "")
			.set("children[0].personalId", "")
			.set("children[0].residence", Long.toString(caiKhe.value()))
			.set("children[0].addressDetail", "Hẻm 12, đường Trần Văn Khéo")
			.set("children[0].school", "Trường Tiểu học Cái Khế")
			.set("children[0].parentName", "Lê Thị Bé")
			// the operator looked at the likely matches and confirmed a new child
			.set("children[0].linkTo", "new")
			.set("contactType", "HARM")
			.set("harmForms", "SEXUAL_MOLESTATION")
			.set("setting", "COMMUNITY")
			.set("perpetratorRelation", "NEIGHBOUR")
			.set("perpetratorCanReachChild", "true")
			.set("placeUnit", Long.toString(caiKhe.value()))
			.set("account", "Hàng xóm thấy một người đàn ông sờ soạng bé chiều hôm qua ở bãi đất trống gần nhà.")
			.set("dangerSigns", "SEXUAL_ABUSE_WITHIN_72_HOURS")
			.set("step", "save");
	}

	/** What the form sends to look up the matches of its first child. */
	private ReportForm lookup(String name, LocalDate born, String personalId) {
		return new ReportForm().set("children[0].fullName", name)
			.set("children[0].sex", "FEMALE")
			.set("children[0].birthDate", born == null ? "" : born.toString())
			.set("children[0].personalId", personalId == null ? "" : personalId)
			.set("children[0].residence", Long.toString(ninhKieu.value()));
	}

	/** Neglect, with no danger and no perpetrator near the child: normal. */
	private ReportForm normal(String childName) {
		return emergency(childName).without("dangerSigns")
			.without("perpetratorCanReachChild")
			.set("children[0].sex", "MALE")
			.set("harmForms", "NEGLECT")
			.set("setting", "FAMILY")
			.set("perpetratorRelation", "PARENT")
			.set("account", "Trẻ thường ở nhà một mình đến tối, cha mẹ đi làm xa.");
	}

	/** Signed in, with the form's CSRF token in hand. */
	private TestUserAgent operatorAtTheForm(String operator) {
		TestUserAgent agent = signedIn(operator);
		var form = agent.get("/intake/reports/new");
		assertThat(form.status()).isEqualTo(200);
		return agent;
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		var done = agent.signIn(username);
		assertThat(done.location()).as("sign-in of %s", username).endsWith("/");
		return agent;
	}

	private static UUID idOf(TestUserAgent.Response recorded) {
		assertThat(recorded.status()).as("recorded: %s", recorded.body()).isEqualTo(302);
		return UUID.fromString(recorded.location().replaceAll(".*/", ""));
	}

	private static int rowOf(Elements rows, UUID report) {
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).select("a[href=\"/intake/reports/" + report + "\"]").size() == 1) {
				return i;
			}
		}
		return -1;
	}

	/** The emergencies routed to the unit whose decision falls due before this one's. */
	/**
	 * Reports of the unit that come before an emergency already in a case: those not
	 * taken into a case, and emergencies in a case whose decision falls due sooner.
	 */
	private int listedBefore(UnitId unit, UUID report) {
		return jdbc.sql("""
				SELECT count(*) FROM report WHERE routed_unit_id = ?
				  AND (status <> 'IN_HANDLING' OR emergency_decision_due > now()) AND urgency = 'EMERGENCY'
				  AND emergency_decision_due < (SELECT emergency_decision_due FROM report WHERE id = ?)""")
			.param(unit.value())
			.param(report)
			.query(Integer.class)
			.single();
	}

	/** "còn 11 giờ … phút": the report was received moments ago. */
	private String countdown() {
		return java.util.regex.Pattern.quote(messages.getMessage("inbox.time-left", new Object[] { 11, 0 }, VIETNAMESE))
			.replace(" 0 ", "\\E \\d{1,2} \\Q");
	}

	private List<Long> notified(UUID report) {
		return jdbc.sql("SELECT user_id FROM report_notification WHERE report_id = ?")
			.param(report)
			.query(Long.class)
			.list();
	}

	private long accessEntries(String actor, String targetType, UUID report) {
		return jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'RECORD_VIEWED' "
					+ "AND target_type = ? AND target_id = ?")
			.param(actor)
			.param(targetType)
			.param(report.toString())
			.query(Long.class)
			.single();
	}

	private String urgencyOf(UUID report) {
		return jdbc.sql("SELECT urgency FROM report WHERE id = ?").param(report).query(String.class).single();
	}

	private boolean inCase(UUID report) {
		return jdbc.sql("SELECT in_case FROM report WHERE id = ?").param(report).query(Boolean.class).single();
	}

	private long routedUnitOf(UUID report) {
		return jdbc.sql("SELECT routed_unit_id FROM report WHERE id = ?").param(report).query(Long.class).single();
	}

	private String statusOf(UUID report) {
		return jdbc.sql("SELECT status FROM report WHERE id = ?").param(report).query(String.class).single();
	}

	private long userId(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
	}

	/** The child's reference, her only name in pages and forms. */
	private String referenceOf(ChildId child) {
		return jdbc.sql("SELECT reference::text FROM child WHERE id = ?")
			.param(child.value())
			.query(String.class)
			.single();
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private String message(String key) {
		return messages.getMessage(key, null, VIETNAMESE);
	}

	private static String path(String location) {
		return location.replaceFirst("^https?://[^/]+", "");
	}

	/** The report form's fields; check boxes may repeat. */
	private static final class ReportForm {

		private final Map<String, List<String>> fields = new LinkedHashMap<>();

		ReportForm set(String name, String... values) {
			fields.put(name, List.of(values));
			return this;
		}

		ReportForm without(String name) {
			fields.remove(name);
			return this;
		}

		String get(String name) {
			return fields.get(name).get(0);
		}

		List<Map.Entry<String, String>> pairs() {
			List<Map.Entry<String, String>> pairs = new ArrayList<>();
			fields.forEach((name, values) -> values.forEach(v -> pairs.add(Map.entry(name, v))));
			return pairs;
		}

	}

}
