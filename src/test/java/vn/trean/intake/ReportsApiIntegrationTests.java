package vn.trean.intake;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.ApiPermission;
import vn.trean.identity.ApiTokens;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/reports}: other systems report abuse with a bearer token that has
 * the INTAKE permission, under the same rules as the form; problem details that name each
 * invalid field in the caller's language; safe retries with {@code Idempotency-Key}.
 */
@IntegrationTest
class ReportsApiIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Accounts accounts;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ChildRegistry childRegistry;

	private CurrentUser admin;

	private AgencyId demoAgency;

	private long caiKhe;

	private ApiTokens.IssuedToken intake;

	@BeforeEach
	void intakeTokenOfTheCityAuthority() {
		long adminId = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.param(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"))
			.query(Long.class)
			.single();
		admin = accounts.current(adminId).orElseThrow();
		demoAgency = new AgencyId(jdbc.sql("SELECT id FROM agency WHERE name LIKE '[DEMO]%' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single());
		caiKhe = testUnits.caiKhe().value();
		intake = issue(ApiPermission.INTAKE);
	}

	@Test
	void reportIsRecordedAndAnsweredWithItsReceipt() {
		String marker = marker();
		long before = reportRows();

		var response = post(intake.token(), report(marker), Map.of());

		assertCreated(response);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		String body = response.body();
		String id = JsonPath.read(body, "$.id");
		String referenceCode = JsonPath.read(body, "$.referenceCode");
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(referenceCode).matches("[A-Z2-9]{10}");
		assertThat(response.location()).endsWith("/api/v1/reports/" + id);
		assertThat(JsonPath.<String>read(body, "$.urgency")).isEqualTo("NORMAL");
		assertThat(JsonPath.<Object>read(body, "$.emergencyDecisionDue")).isNull();
		assertThat(JsonPath.<Number>read(body, "$.routedTo").longValue()).isEqualTo(caiKhe);
		assertThat(JsonPath.<Boolean>read(body, "$.transferOut")).isFalse();
		Instant receivedAt = Instant.parse(JsonPath.read(body, "$.receivedAt"));
		assertThat(receivedAt).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));

		assertThat(reportRows()).isEqualTo(before + 1);
		Map<String, Object> row = jdbc.sql("SELECT * FROM report WHERE reference_code = ?")
			.param(referenceCode)
			.query()
			.singleRow();
		assertThat(row).containsEntry("id", UUID.fromString(id))
			.containsEntry("channel", "API")
			.containsEntry("status", "RECEIVED")
			.containsEntry("api_token_id", intake.id())
			.containsEntry("receiving_agency_id", demoAgency.value())
			.containsEntry("routed_unit_id", caiKhe)
			.containsEntry("place_unit_id", caiKhe)
			.containsEntry("reporter_anonymous", false)
			.containsEntry("reporter_name", "Lê Thị Hoa")
			.containsEntry("reporter_phone", "+842923821234")
			.containsEntry("reporter_relation", "TEACHER")
			.containsEntry("harm_forms", "VIOLENCE")
			.containsEntry("setting", "FAMILY")
			.containsEntry("account", account(marker));
		assertThat(row.get("received_by")).isNull();
		assertThat(((Timestamp) row.get("received_at")).toInstant()).isEqualTo(receivedAt);
		assertThat(jdbc.sql("SELECT full_name FROM report_child WHERE report_id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.list()).containsExactly("Trần Thị Cúc");
	}

	@Test
	void channelNamedByTheCallerIsKept() {
		Map<String, Object> report = report(marker());
		report.put("channel", "SCHOOL");

		var response = post(intake.token(), report, Map.of());

		assertCreated(response);
		assertThat(column("channel", JsonPath.read(response.body(), "$.referenceCode"))).isEqualTo("SCHOOL");
	}

	@Test
	void emergencyReportIsDueForDecisionTwelveHoursAfterItWasReceived() {
		Map<String, Object> report = report(marker());
		report.put("dangerSigns", List.of("WITH_PERPETRATOR_NOW", "SEXUAL_ABUSE_WITHIN_72_HOURS"));

		var response = post(intake.token(), report, Map.of());

		assertCreated(response);
		String body = response.body();
		assertThat(JsonPath.<String>read(body, "$.urgency")).isEqualTo("EMERGENCY");
		Instant receivedAt = Instant.parse(JsonPath.read(body, "$.receivedAt"));
		Instant due = Instant.parse(JsonPath.read(body, "$.emergencyDecisionDue"));
		assertThat(due).isEqualTo(receivedAt.plus(Duration.ofHours(12)));
		Timestamp stored = jdbc.sql("SELECT emergency_decision_due FROM report WHERE reference_code = ?")
			.param(JsonPath.<String>read(body, "$.referenceCode"))
			.query(Timestamp.class)
			.single();
		assertThat(stored.toInstant()).isEqualTo(due);
	}

	@Test
	void sexualAbuseWithoutImmediateDangerIsHighUrgency() {
		Map<String, Object> report = report(marker());
		report.put("harmForms", List.of("SEXUAL_MOLESTATION"));

		var response = post(intake.token(), report, Map.of());

		assertCreated(response);
		assertThat(JsonPath.<String>read(response.body(), "$.urgency")).isEqualTo("HIGH");
		assertThat(JsonPath.<Object>read(response.body(), "$.emergencyDecisionDue")).isNull();
	}

	@Test
	void placeInAnotherProvinceGoesToTheReceivingProvinceForTransfer() {
		var today = geography.today();
		AdministrativeUnit canTho = testUnits.unit("92");
		AdministrativeUnit elsewhere = geography.provinces(today)
			.stream()
			.filter(p -> !p.id().equals(canTho.id()))
			.findFirst()
			.orElseThrow();
		Map<String, Object> report = report(marker());
		report.put("placeUnit", elsewhere.id().value());

		var response = post(intake.token(), report, Map.of());

		assertCreated(response);
		assertThat(JsonPath.<Number>read(response.body(), "$.routedTo").longValue()).isEqualTo(canTho.id().value());
		assertThat(JsonPath.<Boolean>read(response.body(), "$.transferOut")).isTrue();
	}

	@Test
	void invalidReportIsUnprocessableNamingEveryFieldInVietnamese() {
		Map<String, Object> report = report(marker());
		report.put("account", " ");
		report.put("placeUnit", 999_999_999L);
		childOf(report).remove("sex");
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 422, "Thông báo chưa hợp lệ");
		assertThat(errors(response)).containsEntry("account", "Trường này bắt buộc.")
			.containsEntry("placeUnit", "Đơn vị hành chính không tồn tại hoặc không còn hiệu lực.")
			.containsEntry("children[0].sex", "Trường này bắt buộc.");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void invalidReportIsExplainedInEnglishWhenTheCallerAsksForIt() {
		Map<String, Object> report = report(marker());
		report.put("account", "");
		long before = reportRows();

		var response = post(intake.token(), report, Map.of("Accept-Language", "en"));

		assertProblem(response, 422, "The report is not valid");
		assertThat(errors(response)).containsEntry("account", "This field is required.");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void reportOfHarmWithoutAChildIsUnprocessable() {
		Map<String, Object> report = report(marker());
		report.put("children", List.of());
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 422, "Thông báo chưa hợp lệ");
		assertThat(errors(response)).containsEntry("children", "Cần thông tin ít nhất một trẻ.");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void accountOfOneMegabyteIsUnprocessableNamingTheAccount() {
		Map<String, Object> report = report(marker());
		report.put("account", "a".repeat(1024 * 1024));
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 422, "Thông báo chưa hợp lệ");
		assertThat(errors(response)).containsOnlyKeys("account").containsEntry("account", "Nội dung quá dài.");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void childBornInTheFutureIsUnprocessableNamingTheBirthDate() {
		Map<String, Object> report = report(marker());
		childOf(report).put("birthDate", LocalDate.now().plusDays(2).toString());
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 422, "Thông báo chưa hợp lệ");
		assertThat(errors(response)).containsOnlyKeys("children[0].birthDate")
			.containsEntry("children[0].birthDate", "Ngày sinh không thể ở tương lai.");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void nullEntriesInTheListsAreUnprocessableNamingTheList() {
		Map<String, Object> nullChild = report(marker());
		nullChild.put("children", Arrays.asList((Object) null));
		Map<String, Object> nullHarm = report(marker());
		nullHarm.put("harmForms", Arrays.asList(null, "VIOLENCE"));
		Map<String, Object> nullDanger = report(marker());
		nullDanger.put("dangerSigns", Arrays.asList((Object) null));
		long before = reportRows();

		var child = post(intake.token(), nullChild, Map.of());
		var harm = post(intake.token(), nullHarm, Map.of());
		var danger = post(intake.token(), nullDanger, Map.of());

		assertProblem(child, 422, "Thông báo chưa hợp lệ");
		// a null entry names no child: the report has none
		assertThat(errors(child)).containsEntry("children", "Cần thông tin ít nhất một trẻ.");
		assertProblem(harm, 422, "Thông báo chưa hợp lệ");
		assertThat(errors(harm)).containsOnlyKeys("harmForms");
		assertProblem(danger, 422, "Thông báo chưa hợp lệ");
		assertThat(errors(danger)).containsOnlyKeys("dangerSigns");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void controlCharactersInTextsAreABadRequestNamingEachField() {
		Map<String, Object> report = report(marker());
		report.put("account", "Cháu bị đánh\u0000 nhiều lần");
		childOf(report).put("fullName", "Trần\u001b[31m Thị Cúc");
		childOf(report).put("school", "Trường\u007f Cái Khế");
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 400, "Có giá trị không hợp lệ");
		assertThat(errors(response)).containsOnlyKeys("account", "children[0].fullName", "children[0].school")
			.containsEntry("account", "Có ký tự điều khiển không được phép.");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void tabsAndLineBreaksInTheAccountAreKept() {
		String marker = marker();
		Map<String, Object> report = report(marker);
		report.put("account", account(marker) + "\n\tCháu khóc nhiều.");

		assertCreated(post(intake.token(), report, Map.of()));
	}

	@Test
	void aFloatForAnIdIsABadRequestNamingTheField() {
		Map<String, Object> report = report(marker());
		report.put("placeUnit", caiKhe + 0.5);
		childOf(report).put("residence", (double) caiKhe);
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 400, "Có giá trị không hợp lệ");
		assertThat(errors(response)).containsOnlyKeys("placeUnit", "children[0].residence");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void aNumberForAYesOrNoIsABadRequestNamingTheField() {
		Map<String, Object> report = report(marker());
		report.put("reporterAnonymous", -1);
		report.put("perpetratorLivesWithChild", 2);
		report.put("reporterWantsFeedback", "true");
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 400, "Có giá trị không hợp lệ");
		assertThat(errors(response)).containsOnlyKeys("reporterAnonymous", "perpetratorLivesWithChild",
				"reporterWantsFeedback");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void aNumberTooLargeForAnIdIsABadRequestNamingTheField() {
		String body = JSON.writeValueAsString(report(marker()))
			.replace("\"placeUnit\":" + caiKhe, "\"placeUnit\":123456789012345678901234567890");
		long before = reportRows();

		var response = postRaw(intake.token(), body, "application/json", Map.of());

		assertProblem(response, 400, "Có giá trị không hợp lệ");
		assertThat(errors(response)).containsOnlyKeys("placeUnit");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void linkToAsANumberIsABadRequest() {
		Map<String, Object> report = report(marker());
		childOf(report).put("linkTo", 1.5);
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 400, "Có giá trị không hợp lệ");
		assertThat(errors(response)).containsOnlyKeys("children[0].linkTo");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void aLinkThatTheSubmittedFactsDoNotConfirmIsUnprocessableAndAConfirmedOneIsTaken() {
		String pid = "0923" + String.format("%02d", LocalDate.now().minusYears(9).getYear() % 100)
				+ String.format("%06d", System.nanoTime() % 1_000_000);
		LocalDate born = LocalDate.now().minusYears(9);
		long ninhKieu = testUnits.ninhKieu().value();
		ChildId registered = childRegistry.register(new ChildDetails("Trần Thị Cúc", Sex.FEMALE, born, null, pid,
				new vn.trean.geography.UnitId(ninhKieu), null, null, null), false);
		String reference = childRegistry.find(registered).orElseThrow().reference().toString();
		Map<String, Object> unconfirmed = report(marker());
		childOf(unconfirmed).put("linkTo", reference);
		childOf(unconfirmed).put("birthDate", born.minusDays(3).toString());
		childOf(unconfirmed).put("fullName", "Trần Thị Khác");
		Map<String, Object> numberOnly = report(marker());
		childOf(numberOnly).put("linkTo", reference);
		childOf(numberOnly).put("personalId", pid);
		childOf(numberOnly).put("birthDate", born.minusDays(3).toString());
		childOf(numberOnly).put("fullName", "Trần Thị Khác");
		long links = jdbc.sql("SELECT count(*) FROM report_child").query(Long.class).single();
		long before = reportRows();

		var refused = post(intake.token(), unconfirmed, Map.of());
		var refusedByNumber = post(intake.token(), numberOnly, Map.of());

		for (var response : List.of(refused, refusedByNumber)) {
			assertProblem(response, 422, "Thông báo chưa hợp lệ");
			assertThat(errors(response)).containsOnlyKeys("children[0].linkTo");
		}
		assertThat(reportRows()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM report_child").query(Long.class).single()).isEqualTo(links);

		Map<String, Object> confirmed = report(marker());
		childOf(confirmed).put("linkTo", reference);
		childOf(confirmed).put("personalId", pid);
		childOf(confirmed).put("birthDate", born.toString());

		var linked = post(intake.token(), confirmed, Map.of());

		assertCreated(linked);
		assertThat(jdbc.sql("SELECT child_id FROM report_child WHERE report_id = ?")
			.param(UUID.fromString(JsonPath.read(linked.body(), "$.id")))
			.query(Long.class)
			.list()).containsExactly(registered.value());
	}

	@Test
	void retryWithTheSameContentLaidOutOtherwiseGetsTheOriginalAnswer() {
		String marker = marker();
		Map<String, Object> report = report(marker);
		Map<String, String> key = Map.of("Idempotency-Key", "layout-" + marker);
		Map<String, Object> reordered = new LinkedHashMap<>();
		List<String> names = new ArrayList<>(report.keySet());
		java.util.Collections.reverse(names);
		names.forEach(name -> reordered.put(name, report.get(name)));
		String spaced = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reordered);

		var first = post(intake.token(), report, key);
		var retry = postRaw(intake.token(), spaced, "application/json", key);

		assertCreated(first);
		assertCreated(retry);
		assertThat(JsonPath.<String>read(retry.body(), "$.id")).isEqualTo(JsonPath.read(first.body(), "$.id"));
		assertThat(rowsWith(marker)).isOne();
	}

	@Test
	void malformedJsonIsABadRequest() {
		long before = reportRows();

		var response = postRaw(intake.token(), "{\"account\": \"Cháu bị đánh", "application/json", Map.of());

		assertProblem(response, 400, "Nội dung JSON không đọc được");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void anEmptyBodyIsABadRequestInTheRequestsLanguage() {
		assertProblem(postRaw(intake.token(), "", "application/json", Map.of()), 400, "Nội dung JSON không đọc được");
	}

	@Test
	void jsonNullIsABadRequest() {
		var response = postRaw(intake.token(), "null", "application/json", Map.of());

		assertProblem(response, 400, "Nội dung JSON không đọc được");
	}

	@Test
	void unknownEnumValueIsABadRequestNamingTheField() {
		Map<String, Object> badHarm = report(marker());
		badHarm.put("harmForms", List.of("PUNCHING"));
		Map<String, Object> badChannel = report(marker());
		badChannel.put("channel", "FAX");
		Map<String, Object> badSex = report(marker());
		childOf(badSex).put("sex", "BOY");
		long before = reportRows();

		var harm = post(intake.token(), badHarm, Map.of());
		var channel = post(intake.token(), badChannel, Map.of());
		var sex = post(intake.token(), badSex, Map.of());

		assertProblem(harm, 400, "Có giá trị không hợp lệ");
		assertThat(errors(harm)).containsOnlyKeys("harmForms[0]").containsValue("Giá trị không hợp lệ.");
		assertProblem(channel, 400, "Có giá trị không hợp lệ");
		assertThat(errors(channel)).containsOnlyKeys("channel");
		assertProblem(sex, 400, "Có giá trị không hợp lệ");
		assertThat(errors(sex)).containsOnlyKeys("children[0].sex");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void everyValueOfTheWrongKindIsNamedNotOnlyTheFirst() {
		Map<String, Object> report = report(marker());
		report.put("channel", "FAX");
		report.put("harmForms", List.of("VIOLENCE", "PUNCHING"));
		childOf(report).put("sex", "BOY");
		childOf(report).put("approximateAge", "nine");
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 400, "Có giá trị không hợp lệ");
		assertThat(errors(response)).containsOnlyKeys("channel", "harmForms[1]", "children[0].sex",
				"children[0].approximateAge");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void aValueOfTheWrongShapeIsABadRequestNamingTheField() {
		Map<String, Object> report = report(marker());
		childOf(report).put("birthDate", Map.of("year", 2017));
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 400, "Có giá trị không hợp lệ");
		assertThat(errors(response)).containsOnlyKeys("children[0].birthDate");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void bodyThatIsNotJsonIsAnUnsupportedMediaType() {
		long before = reportRows();

		var response = postRaw(intake.token(), JSON.writeValueAsString(report(marker())), "text/plain", Map.of());

		assertProblem(response, 415, "Nội dung phải là JSON (Content-Type: application/json)");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void bodyWithoutAContentTypeIsAnUnsupportedMediaTypeInEnglishWhenAsked() {
		long before = reportRows();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri())
			.header("Authorization", "Bearer " + intake.token())
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(report(marker()))));

		var response = send(request);

		assertProblem(response, 415, "The body must be JSON (Content-Type: application/json)");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void jsonWithACharsetIsAccepted() {
		var response = postRaw(intake.token(), JSON.writeValueAsString(report(marker())),
				"application/json; charset=utf-8", Map.of());

		assertCreated(response);
	}

	@Test
	void tokenWithoutTheIntakePermissionIsForbidden() {
		long before = reportRows();

		var response = post(issue(ApiPermission.GEOGRAPHY_READ).token(), report(marker()), Map.of());

		assertProblem(response, 403, null);
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void requestWithoutATokenIsUnauthorized() {
		long before = reportRows();

		var response = send(HttpRequest.newBuilder(uri())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(report(marker())))));

		assertProblem(response, 401, "Thiếu hoặc sai khóa API");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void revokedTokenIsUnauthorized() {
		tokens.revoke(Actor.of(admin, "127.0.0.1"), intake.id());

		var response = post(intake.token(), report(marker()), Map.of());

		assertProblem(response, 401, null);
	}

	@Test
	void retryWithTheSameKeyAndBodyGetsTheOriginalAnswerAndRecordsNothingMore() {
		String marker = marker();
		String body = JSON.writeValueAsString(report(marker));
		Map<String, String> key = Map.of("Idempotency-Key", "retry-" + marker);

		var first = postRaw(intake.token(), body, "application/json", key);
		var retry = postRaw(intake.token(), body, "application/json", key);

		assertCreated(first);
		assertCreated(retry);
		assertThat(retry.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		String referenceCode = JsonPath.read(first.body(), "$.referenceCode");
		assertThat(JsonPath.<String>read(retry.body(), "$.referenceCode")).isEqualTo(referenceCode);
		assertThat(JsonPath.<String>read(retry.body(), "$.id")).isEqualTo(JsonPath.read(first.body(), "$.id"));
		assertThat(JsonPath.<String>read(retry.body(), "$.receivedAt"))
			.isEqualTo(JsonPath.read(first.body(), "$.receivedAt"));
		assertThat(jdbc.sql("SELECT count(*) FROM report WHERE reference_code = ?")
			.param(referenceCode)
			.query(Long.class)
			.single()).isOne();
		assertThat(rowsWith(marker)).isOne();
	}

	@Test
	void sameKeyWithAnotherBodyIsAConflict() {
		String key = "conflict-" + marker();
		var first = post(intake.token(), report(marker()), Map.of("Idempotency-Key", key));
		assertCreated(first);
		String other = marker();
		long before = reportRows();

		var response = post(intake.token(), report(other), Map.of("Idempotency-Key", key));

		assertProblem(response, 409, "Idempotency-Key đã dùng cho một yêu cầu khác");
		assertThat(reportRows()).isEqualTo(before);
		assertThat(rowsWith(other)).isZero();
	}

	@Test
	void twoSendsOfTheSameKeyAtOnceRecordOneReportAndBothGetTheFirstAnswer() throws Exception {
		String marker = marker();
		String body = JSON.writeValueAsString(report(marker));
		String key = "race-" + marker;
		String firstAnswer = "{\"id\":\"first\",\"referenceCode\":\"FIRST-" + marker + "\"}";

		// the first send's transaction has stored its answer and not yet committed when
		// the second send, with the same key and body, arrives
		var second = OverlappingTransactions.whileOpen(dataSource, jdbc, first -> {
			try (var insert = first.prepareStatement(
					"INSERT INTO intake_idempotency (api_token_id, key, request_hash, status, body, created_at) "
							+ "VALUES (?, ?, ?, 201, ?, now())")) {
				insert.setLong(1, intake.id());
				insert.setString(2, key);
				insert.setString(3, IntakeApi.hash(canonical(body)));
				insert.setString(4, firstAnswer);
				insert.executeUpdate();
			}
		}, () -> postRaw(intake.token(), body, "application/json", Map.of("Idempotency-Key", key)));

		assertThat(second.waited()).as("the second send waited for the first's stored answer").isTrue();
		assertCreated(second.value());
		assertThat(JsonPath.<String>read(second.value().body(), "$.referenceCode")).isEqualTo("FIRST-" + marker);
		assertThat(rowsWith(marker)).as("the second send's report rolled back").isZero();
	}

	@Test
	void scriptInTheAccountIsUnprocessableNamingTheAccount() {
		String marker = marker();
		Map<String, Object> report = report(marker);
		report.put("account", account(marker) + " <script>alert(1)</script>");
		long before = reportRows();

		var response = post(intake.token(), report, Map.of());

		assertProblem(response, 422, null);
		assertThat(errors(response))
			.containsExactly(Map.entry("account", "Không được chứa thẻ HTML hay mã lệnh (như <script>)."));
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void keysBelongToOneToken() {
		String marker = marker();
		String body = JSON.writeValueAsString(report(marker));
		Map<String, String> key = Map.of("Idempotency-Key", "shared-" + marker);

		var first = postRaw(intake.token(), body, "application/json", key);
		var otherClient = postRaw(issue(ApiPermission.INTAKE).token(), body, "application/json", key);

		assertCreated(first);
		assertCreated(otherClient);
		assertThat(JsonPath.<String>read(otherClient.body(), "$.referenceCode"))
			.isNotEqualTo(JsonPath.read(first.body(), "$.referenceCode"));
		assertThat(rowsWith(marker)).isEqualTo(2);
	}

	@Test
	void overlongIdempotencyKeyIsABadRequest() {
		String marker = marker();

		var response = post(intake.token(), report(marker), Map.of("Idempotency-Key", "k".repeat(201)));

		assertProblem(response, 400, "Idempotency-Key không hợp lệ");
		assertThat(rowsWith(marker)).isZero();
	}

	@Test
	void idempotencyKeyWithAControlCharacterIsABadRequestWithAProblemAndNotStored() throws Exception {
		String marker = marker();
		byte[] body = JSON.writeValueAsString(report(marker)).getBytes(StandardCharsets.UTF_8);
		String answer;
		// a raw request: Java's HTTP client will not send a C1 control character in a
		// header
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			var out = socket.getOutputStream();
			out.write(("POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ "Content-Type: application/json\r\nAuthorization: Bearer " + intake.token()
					+ "\r\nIdempotency-Key: k\u0085" + marker + "\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}

		assertThat(answer).startsWith("HTTP/1.1 400")
			.contains("application/problem+json")
			.contains("Yêu cầu chứa ký tự điều khiển hoặc không đọc được");
		assertThat(rowsWith(marker)).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM intake_idempotency WHERE key LIKE ?")
			.param("%" + marker)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void openApiDocumentListsTheReportsEndpoint() {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));

		var response = agent.get("/api/openapi");

		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> paths = JsonPath.read(response.body(), "$.paths");
		assertThat(paths).containsKey("/api/v1/reports");
		assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$.paths['/api/v1/reports']"))
			.containsKey("post");
		assertThat(JsonPath.<String>read(response.body(), "$.components.schemas.ChildEntry.properties.linkTo.type"))
			.as("a child is linked by her reference or \"new\", never by a number")
			.isEqualTo("string");
	}

	/** The content a retry is compared by: the body's JSON with its keys sorted. */
	private static byte[] canonical(String body) {
		JsonMapper sorted = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
		return sorted.writeValueAsBytes(sorted.readTree(body));
	}

	/** A valid report of violence against one child in Phường Cái Khế. */
	/**
	 * What one report costs the database in transactions, the background work it causes
	 * (the case opened from it, the notices) included: write transactions counted exactly
	 * (transaction ids), all commits as PostgreSQL's statistics count them (printed; they
	 * lag for a connection that went idle at once, and include any other work of the
	 * moment).
	 */
	@Test
	void aReportCostsFewWriteTransactions() throws InterruptedException {
		int reports = 20;
		List<String> patterns = new ArrayList<>();
		AtomicInteger polls = new AtomicInteger();
		Thread.sleep(1000);
		long commitsBefore = commits();
		long xidBefore = xid();
		for (int i = 0; i < reports; i++) {
			var response = post(intake.token(), report(marker()),
					Map.of("Idempotency-Key", UUID.randomUUID().toString()));
			assertCreated(response);
			patterns.add("%" + JsonPath.<String>read(response.body(), "$.id") + "%");
		}
		// the case work is done for every report
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			polls.incrementAndGet();
			return jdbc
				.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NOT NULL "
						+ "AND serialized_event LIKE ANY(:patterns) AND listener_id NOT LIKE '%StatisticsListeners%'")
				.param("patterns", patterns.toArray(String[]::new))
				.query(Long.class)
				.single() == reports;
		});
		long writes = xid() - xidBefore - 1;
		Thread.sleep(1500);
		long commits = commits() - commitsBefore - polls.get() - 2;

		System.out.printf("Per API report: %.2f write transactions, about %.2f commits%n", writes / (double) reports,
				commits / (double) reports);
		// the cluster's timers (their ShedLock rows, the mail outbox) write a few
		// transactions of their own in the same window: up to half a transaction per
		// report is theirs; one more transaction per report is not
		assertThat(writes / (double) reports).isLessThan(WRITE_TRANSACTIONS_PER_REPORT + 0.5);
	}

	/**
	 * The token's use, the report with its notices and stored answer, and the case opened
	 * from it in the background, whose publication is marked as being processed, then
	 * complete (5); and the statistics read model, whose listeners of the report, of its
	 * taking into a case and of the case's change each take three (their publication
	 * marked, the rows re-derived, the publication completed): 9 more.
	 */
	static final double WRITE_TRANSACTIONS_PER_REPORT = 14;

	private long commits() {
		return jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
			.query(Long.class)
			.single();
	}

	private long xid() {
		return jdbc.sql("SELECT txid_current()").query(Long.class).single();
	}

	private Map<String, Object> report(String marker) {
		Map<String, Object> child = new LinkedHashMap<>();
		child.put("fullName", "Trần Thị Cúc");
		child.put("sex", "FEMALE");
		child.put("birthDate", LocalDate.now().minusYears(9).toString());
		child.put("residence", caiKhe);
		child.put("addressDetail", "Hẻm 12, đường Trần Văn Khéo");
		child.put("school", "Trường Tiểu học Cái Khế");
		child.put("parentName", "Trần Văn Dũng");
		List<Object> children = new ArrayList<>();
		children.add(child);
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("reporterAnonymous", false);
		report.put("reporterName", "Lê Thị Hoa");
		report.put("reporterPhone", "0292 3821 234");
		report.put("reporterRelation", "TEACHER");
		report.put("reporterWantsFeedback", true);
		report.put("children", children);
		report.put("contactType", "HARM");
		report.put("harmForms", List.of("VIOLENCE"));
		report.put("setting", "FAMILY");
		report.put("perpetratorRelation", "PARENT");
		report.put("perpetratorLivesWithChild", false);
		report.put("perpetratorCanReachChild", false);
		report.put("placeUnit", caiKhe);
		report.put("account", account(marker));
		report.put("dangerSigns", List.of());
		return report;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> childOf(Map<String, Object> report) {
		return (Map<String, Object>) ((List<Object>) report.get("children")).get(0);
	}

	private static String account(String marker) {
		return "Cô giáo thấy cháu có nhiều vết bầm trên tay, cháu nói bị bố đánh. " + marker;
	}

	private static String marker() {
		return "KT-" + UUID.randomUUID();
	}

	private ApiTokens.IssuedToken issue(ApiPermission permission) {
		return tokens.issue(Actor.of(admin, "127.0.0.1"), "Kiểm thử tiếp nhận " + permission, demoAgency,
				Set.of(permission));
	}

	private TestUserAgent.Response post(String token, Map<String, Object> report, Map<String, String> headers) {
		return postRaw(token, JSON.writeValueAsString(report), "application/json", headers);
	}

	private TestUserAgent.Response postRaw(String token, String body, String contentType, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri())
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request);
	}

	private TestUserAgent.Response send(HttpRequest.Builder request) {
		return new TestUserAgent(port).send(request);
	}

	private URI uri() {
		return URI.create("http://localhost:" + port + "/api/v1/reports");
	}

	private static void assertCreated(TestUserAgent.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private static void assertProblem(TestUserAgent.Response response, int status, String title) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
		if (title == null) {
			assertThat(JsonPath.<String>read(response.body(), "$.title")).isNotBlank();
		}
		else {
			assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo(title);
		}
	}

	/** The problem's field errors: field to message. */
	private static Map<String, String> errors(TestUserAgent.Response response) {
		List<Map<String, String>> list = JsonPath.read(response.body(), "$.errors");
		Map<String, String> errors = new LinkedHashMap<>();
		list.forEach(e -> errors.put(e.get("field"), e.get("message")));
		assertThat(errors).hasSameSizeAs(list);
		return errors;
	}

	private String column(String column, String referenceCode) {
		return jdbc.sql("SELECT " + column + " FROM report WHERE reference_code = ?")
			.param(referenceCode)
			.query(String.class)
			.single();
	}

	private long reportRows() {
		return jdbc.sql("SELECT count(*) FROM report").query(Long.class).single();
	}

	private long rowsWith(String marker) {
		return jdbc.sql("SELECT count(*) FROM report WHERE strpos(account, ?) > 0")
			.param(marker)
			.query(Long.class)
			.single();
	}

}
