package vn.trean.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestPdfs;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.WorkItem;
import vn.trean.identity.WorkSource;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report sent back for more information: the officer of the routed ward asks, the
 * hotline operator who recorded it sees the request in their work queue and on the report
 * page and answers, the answer is added under the account and the officer sees it; who
 * may do which, and the refusals, which change nothing.
 */
@IntegrationTest
class MoreInformationIntegrationTests {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final String ACCOUNT = "Hàng xóm nghe tiếng trẻ khóc nhiều đêm.";

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

	@Autowired
	List<WorkSource> sources;

	@Autowired
	ApplicationEventPublisher events;

	private AgencyId hotline;

	private AgencyId otherHotline;

	private String operator;

	private ReportReceipt report;

	private String officer;

	@BeforeEach
	void aReportRecordedByAHotlineOperatorForTheirAgency() {
		List<Long> agencies = jdbc.sql("SELECT id FROM agency ORDER BY id LIMIT 2").query(Long.class).list();
		hotline = new AgencyId(agencies.get(0));
		otherHotline = new AgencyId(agencies.get(1));
		operator = testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO, hotline, true);
		report = intake.record(user(operator),
				ReportDrafts.at(testUnits.id(TestUnits.CAI_KHE))
					.withChild("Phan Thị Ngọc Ánh", 9)
					.withHarm(HarmForm.NEGLECT)
					.withAccount(ACCOUNT)
					.build());
		officer = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
	}

	@Test
	void theOfficerAsksTheOperatorAnswersAndEachSeesTheirItemUntilTheyAct() {
		TestUserAgent asking = signedIn(officer);
		assertThat(page(asking).getElementById("ask-form")).isNotNull();

		var asked = asking.post(path("/more-information"), Map.of("question", "Trẻ học trường nào?"));

		assertThat(asked.status()).isEqualTo(302);
		assertThat(items(operator)).singleElement().satisfies(item -> {
			assertThat(item.stepKey()).isEqualTo("work.step.more-information");
			assertThat(item.reference()).isEqualTo(report.referenceCode());
			assertThat(item.child()).isEqualTo("Phan Thị Ngọc Ánh");
			assertThat(item.link()).isEqualTo(path("") + "#more-information");
			assertThat(item.dueAt()).isNull();
			assertThat(item.since())
				.isEqualTo(jdbc.sql("SELECT asked_at FROM report_information_request WHERE report_id = :r")
					.param("r", report.id().value())
					.query(java.time.OffsetDateTime.class)
					.single()
					.toInstant());
		});
		TestUserAgent answering = signedIn(operator);
		Document seenByOperator = page(answering);
		assertThat(seenByOperator.getElementById("more-information").text()).contains("Trẻ học trường nào?");
		assertThat(seenByOperator.getElementById("ask-form")).isNull();
		String request = seenByOperator.select("#answer-form input[name=request]").attr("value");

		var answered = answering.post(path("/more-information/answer"),
				Map.of("request", request, "answer", "Trường tiểu học Cái Khế, lớp 3."));

		assertThat(answered.status()).isEqualTo(302);
		assertThat(items(operator)).isEmpty();
		assertThat(items(officer)).singleElement()
			.satisfies(item -> assertThat(item.stepKey()).isEqualTo("work.step.information-supplied"));
		Document seenByOfficer = page(asking);
		assertThat(seenByOfficer.select(".account").first().text()).isEqualTo(ACCOUNT);
		assertThat(seenByOfficer.select("#more-information .supplied").text())
			.isEqualTo("Trường tiểu học Cái Khế, lớp 3.");
		assertThat(seenByOfficer.getElementById("more-information").text()).contains("Người kiểm thử");
		assertThat(items(officer)).isEmpty();
		assertThat(printed(asking)).contains(ACCOUNT, "Thông tin bổ sung", "Trường tiểu học Cái Khế, lớp 3.");
		assertThat(audits("REPORT_INFORMATION_REQUESTED")).isEqualTo(1);
		assertThat(audits("REPORT_INFORMATION_SUPPLIED")).isEqualTo(1);
	}

	@Test
	void onlyAnOfficerOfTheRoutedWardAsksAndOnlyTheReceivingAgencyAnswers() {
		var otherWard = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31147")).post(path("/more-information"),
				Map.of("question", "Ai đang chăm sóc trẻ?"));
		var chair = signedIn(testAccounts.create(Role.COMMUNE_CHAIR, TestUnits.CAI_KHE)).post(path("/more-information"),
				Map.of("question", "Ai đang chăm sóc trẻ?"));
		assertThat(otherWard.status()).isEqualTo(404);
		assertThat(chair.status()).isEqualTo(403);
		assertThat(requests()).isZero();

		signedIn(officer).post(path("/more-information"), Map.of("question", "Ai đang chăm sóc trẻ?"));
		String request = openRequest();
		String stranger = testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO, otherHotline, true);
		var byOtherAgency = signedIn(stranger).post(path("/more-information/answer"),
				Map.of("request", request, "answer", "Bà ngoại."));

		assertThat(byOtherAgency.status()).isEqualTo(403);
		assertThat(items(stranger)).isEmpty();
		assertThat(openRequest()).isEqualTo(request);
		String colleague = testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO, hotline, true);
		assertThat(items(colleague)).singleElement()
			.satisfies(item -> assertThat(item.stepKey()).isEqualTo("work.step.more-information"));
		assertThat(signedIn(colleague)
			.post(path("/more-information/answer"), Map.of("request", request, "answer", "Bà ngoại."))
			.status()).isEqualTo(302);
	}

	@Test
	void badQuestionsAndAnswersAreRefusedWithTheirMessageAndChangeNothing() {
		TestUserAgent asking = signedIn(officer);
		var empty = asking.post(path("/more-information?lang=en"), Map.of("question", "  "));
		var tooLong = asking.post(path("/more-information"), Map.of("question", "x".repeat(2001)));
		var malformed = asking.post("/intake/reports/not-a-report/more-information", Map.of("question", "Ai?"));

		assertThat(empty.status()).isEqualTo(422);
		assertThat(Jsoup.parse(empty.body()).getElementById("question-error").text())
			.isEqualTo("This field is required.");
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(Jsoup.parse(tooLong.body()).getElementById("question").text()).hasSize(2001);
		assertThat(malformed.status()).isEqualTo(404);
		assertThat(requests()).isZero();

		asking.post(path("/more-information"), Map.of("question", "Trẻ bao nhiêu tuổi?"));
		var second = asking.post(path("/more-information?lang=en"), Map.of("question", "Trẻ ở đâu?"));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.body()).contains(english("report.information.open-already"));
		assertThat(requests()).isEqualTo(1);

		TestUserAgent answering = signedIn(operator);
		String request = openRequest();
		assertThat(answering
			.post(path("/more-information/answer"), Map.of("request", UUID.randomUUID().toString(), "answer", "9."))
			.status()).isEqualTo(404);
		assertThat(answering.post(path("/more-information/answer"), Map.of("request", "x", "answer", "9.")).status())
			.isEqualTo(422);
		assertThat(answering.post(path("/more-information/answer"), Map.of("request", request, "answer", "")).status())
			.isEqualTo(422);
		assertThat(
				answering.post(path("/more-information/answer"), Map.of("request", request, "answer", "x".repeat(5001)))
					.status())
			.isEqualTo(422);
		assertThat(openRequest()).isEqualTo(request);
		var first = answering.post(path("/more-information/answer"), Map.of("request", request, "answer", "9 tuổi."));
		var again = answering.post(path("/more-information/answer?lang=en"),
				Map.of("request", request, "answer", "Khoảng 9 tuổi."));
		assertThat(first.status()).isEqualTo(302);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains(english("report.information.answered-already"));
		assertThat(jdbc.sql("SELECT answer FROM report_information_request WHERE id = CAST(:id AS UUID)")
			.param("id", request)
			.query(String.class)
			.single()).isEqualTo("9 tuổi.");
		assertThat(audits("REPORT_INFORMATION_SUPPLIED")).isEqualTo(1);
	}

	@Test
	void noRequestOnceTheVerificationIsOverUntilTheCaseIsReopened() {
		events.publishEvent(new ReportVerificationSettled(report.id(), true));
		TestUserAgent asking = signedIn(officer);
		assertThat(page(asking).getElementById("ask-form")).isNull();

		var refused = asking.post(path("/more-information?lang=en"), Map.of("question", "Trẻ học trường nào?"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains(english("report.information.verified"));
		assertThat(requests()).isZero();
		events.publishEvent(new ReportVerificationSettled(report.id(), false));
		assertThat(asking.post(path("/more-information"), Map.of("question", "Trẻ học trường nào?")).status())
			.isEqualTo(302);
	}

	@Test
	void thePageAndTheQueueSpeakEnglish() {
		TestUserAgent asking = signedIn(officer);
		assertThat(asking.get(path("?lang=en")).body()).contains("Ask for more information");
		asking.post(path("/more-information"), Map.of("question", "Trẻ học trường nào?"));
		assertThat(messages.getMessage("work.step.more-information", null, Locale.ENGLISH))
			.isEqualTo("Report sent back for more information");
		assertThat(signedIn(operator).get(path("?lang=en")).body()).contains("Send the information");
	}

	private String printed(TestUserAgent agent) {
		var pdf = agent.download(path("/print"));
		assertThat(pdf.status()).isEqualTo(200);
		return TestPdfs.text(pdf.body());
	}

	private Document page(TestUserAgent agent) {
		var response = agent.get(path(""));
		assertThat(response.status()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private List<WorkItem> items(String username) {
		Actor actor = Actor.of(user(username), "127.0.0.1");
		return sources.stream()
			.flatMap(s -> s.waiting(actor, 50).items().stream())
			.filter(i -> i.link().startsWith(path("")) && i.stepKey().contains("information"))
			.toList();
	}

	private String openRequest() {
		return jdbc
			.sql("SELECT CAST(id AS TEXT) FROM report_information_request WHERE report_id = :r"
					+ " AND answered_at IS NULL")
			.param("r", report.id().value())
			.query(String.class)
			.single();
	}

	private long requests() {
		return jdbc.sql("SELECT count(*) FROM report_information_request WHERE report_id = :r")
			.param("r", report.id().value())
			.query(Long.class)
			.single();
	}

	private long audits(String action) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :a AND target_id = :id")
			.param("a", action)
			.param("id", report.id().toString())
			.query(Long.class)
			.single();
	}

	private String english(String key) {
		return messages.getMessage(key, null, Locale.ENGLISH);
	}

	private String path(String rest) {
		return "/intake/reports/" + report.id().value() + rest;
	}

	private CurrentUser user(String username) {
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
		return accounts.current(id).orElseThrow();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

}
