package vn.trean.referrals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trean.IntegrationTest;
import vn.trean.OverlappingTransactions;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.directory.Sector;
import vn.trean.identity.ApiPermission;
import vn.trean.shared.AgencyId;
import vn.trean.shared.CanonicalJson;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency's steps over {@code /api/v1/referrals/{id}/…}: each once per
 * {@code Idempotency-Key} (a retry answers as before and changes nothing, the key with
 * another request is a conflict), on the current version, and every bad request a
 * translated problem that changes nothing.
 */
@IntegrationTest
class ReferralStepsApiIntegrationTests extends ReferralApiFixture {

	/**
	 * A school's outcome but its date: a seat change, three sessions, the child stays.
	 */
	private static final String SCHOOL_REPORT = "\"measures\":[\"CLASS_OR_SEAT_CHANGE\"],\"counsellingSessions\":3,"
			+ "\"staysInSchool\":true";

	@Autowired
	DataSource dataSource;

	private ReferralId id;

	private String token;

	private long tokenId;

	@BeforeEach
	void aReferralSentToASchoolWithItsSystemsToken() {
		AgencyId school = agency("Trường Tiểu học hệ thống", Sector.SCHOOL, TestUnits.CAI_KHE);
		id = sent(school, "SCHOOL_SUPPORT", "EDUCATION_SUPPORT");
		var issued = issued(school, ApiPermission.REFERRALS);
		token = issued.token();
		tokenId = issued.id();
	}

	@Test
	void anAcceptanceIsTakenOnceAndARetryWithItsKeyGetsTheSameAnswer() {
		String key = key();

		TestUserAgent.Response first = post(token, id, "acceptance", "", key);
		TestUserAgent.Response retry = post(token, id, "acceptance", "", key);

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(first.body(), "$.state")).isEqualTo("ACCEPTED");
		assertThat(first.body()).doesNotContain("Trần Thị Mai", "\"fields\"");
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(accepted()).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM referral_event WHERE referral_id = :id AND kind = 'ACCEPTED' "
				+ "AND actor_id IS NULL AND api_token_id = " + tokenId, id))
			.as("taken by the agency's system")
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM case_entry e JOIN referral r ON r.case_id = e.case_id "
				+ "WHERE r.id = :id AND e.kind = 'REFERRAL_ACCEPTED' AND e.actor_name LIKE 'api:%'", id))
			.isEqualTo(1);

		TestUserAgent.Response again = post(token, id, "acceptance", "{}", key());
		assertProblem(again, 409, "Không thực hiện được bước này ở tình trạng hiện tại của phiếu.");
		assertThat(accepted()).isEqualTo(1);
	}

	@Test
	void twoAcceptancesWithOneKeyAtOnceAcceptOnceAndTheSecondGetsTheFirstsAnswer() throws Exception {
		String key = key();
		String firstAnswer = "{\"id\":\"" + id + "\",\"state\":\"ACCEPTED\",\"first\":true}";
		String request = "POST /api/v1/referrals/" + id + "/acceptance {}";

		// the first acceptance holds its key and has not committed when the second,
		// with the same key and request, arrives
		var second = OverlappingTransactions.whileOpen(dataSource, jdbc, first -> {
			try (var insert = first.prepareStatement(
					"INSERT INTO referral_idempotency (api_token_id, key, request_hash, status, body, created_at) "
							+ "VALUES (?, ?, ?, 200, ?, now())")) {
				insert.setLong(1, tokenId);
				insert.setString(2, key);
				insert.setString(3, CanonicalJson.hash(request.getBytes(StandardCharsets.UTF_8)));
				insert.setString(4, firstAnswer);
				insert.executeUpdate();
			}
		}, () -> post(token, id, "acceptance", "{ }", key));

		assertThat(second.waited()).as("the second waited for the first's key").isTrue();
		assertThat(second.value().status()).isEqualTo(200);
		assertThat(second.value().body()).isEqualTo(firstAnswer);
		assertThat(accepted()).as("the second's acceptance rolled back").isZero();
	}

	@Test
	void aChangeMadeMeanwhileIsAConflictAndNothingIsAccepted() throws Exception {
		// another change of the referral has not committed when the acceptance, which
		// read the version before it, comes to store its own
		var acceptance = OverlappingTransactions.whileOpen(dataSource, jdbc, first -> {
			try (var update = first.prepareStatement("UPDATE referral SET version = version + 1 WHERE id = ?")) {
				update.setObject(1, id.value());
				update.executeUpdate();
			}
		}, () -> post(token, id, "acceptance", "{}", key()));

		assertThat(acceptance.waited()).isTrue();
		assertProblem(acceptance.value(), 409, "Phiếu vừa được người khác thay đổi; hãy xem lại rồi thực hiện lại.");
		assertThat(accepted()).isZero();
		assertThat(state(id)).isEqualTo("SENT");
	}

	@Test
	void theSameKeyForAnotherRequestIsAConflictAndChangesNothing() {
		String key = key();
		assertThat(post(token, id, "acceptance", "{}", key).status()).isEqualTo(200);
		assertThat(post(token, id, "notes", "{\"text\": \"Đã gặp cô chủ nhiệm\"}", key()).status()).isEqualTo(201);
		String noteKey = key();
		assertThat(post(token, id, "notes", "{\"text\":\"Lần một\"}", noteKey).status()).isEqualTo(201);
		assertThat(post(token, id, "notes", "{ \"text\" : \"Lần một\" }", noteKey).status())
			.as("the same content laid out otherwise")
			.isEqualTo(201);

		TestUserAgent.Response otherBody = post(token, id, "notes", "{\"text\":\"Lần hai\"}", noteKey);
		TestUserAgent.Response otherPath = post(token, id, "declination", "{\"reason\":\"Không phù hợp\"}", key);

		assertProblem(otherBody, 409, "Idempotency-Key đã dùng cho một yêu cầu khác");
		assertProblem(otherPath, 409, "Idempotency-Key đã dùng cho một yêu cầu khác");
		assertThat(count("SELECT count(*) FROM referral_event WHERE referral_id = :id AND kind = 'PROGRESS'", id))
			.isEqualTo(2);
	}

	@Test
	void aNoteIsCreatedAndTheOutcomeIsDatedNeitherInTheFutureNorLeftUnsaid() {
		post(token, id, "acceptance", "{}", key());

		TestUserAgent.Response note = post(token, id, "notes", "{\"text\":\"Đã gặp cô chủ nhiệm\\nvà gia đình\"}",
				key());
		TestUserAgent.Response future = post(token, id, "outcome",
				"{\"completedOn\":\"" + today().plusDays(3) + "\"," + SCHOOL_REPORT + "}", key());

		assertThat(note.status()).as(note.body()).isEqualTo(201);
		assertThat(note.location()).endsWith("/api/v1/referrals/" + id);
		assertThat(state(id)).isEqualTo("IN_PROGRESS");
		assertThat(JsonPath.<String>read(get(token, "/api/v1/referrals/" + id).body(), "$.history[-1].text"))
			.as("a note of two lines is taken")
			.startsWith("Đã gặp cô chủ nhiệm")
			.endsWith("và gia đình");
		assertProblem(future, 422, "Dữ liệu gửi lên chưa hợp lệ");
		assertThat(errors(future)).containsEntry("completedOn", "Ngày không được ở tương lai.");
		assertThat(state(id)).isEqualTo("IN_PROGRESS");

		TestUserAgent.Response outcome = post(token, id, "outcome",
				"{\"completedOn\":\"" + today() + "\"," + SCHOOL_REPORT + "}", key());
		assertThat(outcome.status()).as(outcome.body()).isEqualTo(201);
		assertThat(state(id)).isEqualTo("COMPLETED");
	}

	@Test
	void aDeclineWithoutItsReasonIsUnprocessableInTheCallersLanguage() {
		TestUserAgent.Response empty = post(token, id, "declination", "{}", key());
		TestUserAgent.Response english = post(token, "/api/v1/referrals/" + id + "/declination", "{\"reason\":\"  \"}",
				Map.of("Idempotency-Key", key(), "Accept-Language", "en"));

		assertProblem(empty, 422, "Dữ liệu gửi lên chưa hợp lệ");
		assertThat(errors(empty)).containsOnlyKeys("reason");
		assertProblem(english, 422, "The data sent is not valid");
		assertThat(errors(english)).containsEntry("reason", "This field is required.");
		assertThat(state(id)).isEqualTo("SENT");

		TestUserAgent.Response declined = post(token, id, "declination", "{\"reason\":\"Trẻ không học ở trường\"}",
				key());
		assertThat(declined.status()).isEqualTo(200);
		assertThat(state(id)).isEqualTo("DECLINED");
	}

	@Test
	void badRequestsAreTranslatedProblemsThatChangeNothing() {
		String path = "/api/v1/referrals/" + id + "/declination";

		assertProblem(post(token, path, "{\"reason\":\"x\"}", Map.of()), 400,
				"Cần gửi kèm Idempotency-Key để yêu cầu an toàn khi gửi lại");
		assertProblem(post(token, id, "declination", "{\"reason\": \"x\"", key()), 400, "Nội dung JSON không đọc được");
		assertProblem(post(token, id, "declination", "[\"x\"]", key()), 400, "Nội dung JSON không đọc được");
		TestUserAgent.Response unknown = post(token, id, "declination", "{\"reason\":\"x\",\"version\":3}", key());
		assertProblem(unknown, 400, "Có giá trị không hợp lệ");
		assertThat(errors(unknown)).containsOnlyKeys("version");
		TestUserAgent.Response wrongKind = post(token, id, "declination", "{\"reason\":5}", key());
		assertProblem(wrongKind, 400, "Có giá trị không hợp lệ");
		assertThat(errors(wrongKind)).containsOnlyKeys("reason");
		assertProblem(post(token, id, "acceptance", "{\"accepted\":true}", key()), 400, "Có giá trị không hợp lệ");
		assertProblem(post(token, path, "reason=x", Map.of("Idempotency-Key", key(), "Content-Type", "text/plain")),
				415, "Nội dung phải là JSON (Content-Type: application/json)");
		assertProblem(post(token, path, "{}", Map.of("Idempotency-Key", " ")), 400, "Idempotency-Key không hợp lệ");
		assertProblem(post(token, id, "outcome", "{\"completedOn\":\"2026-13-45\"," + SCHOOL_REPORT + "}", key()), 400,
				"Có giá trị không hợp lệ");

		assertThat(state(id)).isEqualTo("SENT");
		assertThat(count("SELECT count(*) FROM referral_event WHERE referral_id = :id", id)).isEqualTo(2);
	}

	private long accepted() {
		return count("SELECT count(*) FROM referral_event WHERE referral_id = :id AND kind = 'ACCEPTED'", id);
	}

	private static LocalDate today() {
		return LocalDate.now(Time.ZONE);
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

}
