package vn.trean.referrals;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.directory.Sector;
import vn.trean.identity.ApiPermission;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/referrals}: an agency's system reads the referrals sent to its own
 * agency, each with only its sector's share, every reading a disclosure; another agency's
 * referral and a field outside the share are refused with a problem and logged.
 */
@IntegrationTest
class ReferralsApiIntegrationTests extends ReferralApiFixture {

	@Test
	void theListShowsOnlyTheAgencysReferralsWithOnlyItsShare() {
		AgencyId school = agency("Trường Tiểu học API", Sector.SCHOOL, TestUnits.CAI_KHE);
		AgencyId police = agency("Công an phường API", Sector.POLICE, TestUnits.CAI_KHE);
		ReferralId toSchool = sent(school, "SCHOOL_SUPPORT", "EDUCATION_SUPPORT");
		ReferralId toPolice = sent(police, "CRIME_INVESTIGATION", "INVESTIGATION");

		TestUserAgent.Response schools = get(token(school, ApiPermission.REFERRALS), "/api/v1/referrals");

		assertThat(schools.status()).as(schools.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(schools.body(), "$.items[*].code")).containsExactly(code(toSchool));
		assertThat(JsonPath.<String>read(schools.body(), "$.items[0].state")).isEqualTo("SENT");
		assertThat(JsonPath.<String>read(schools.body(), "$.items[0].nextDueClock")).isEqualTo("RESPONSE");
		assertThat(JsonPath.<Map<String, Object>>read(schools.body(), "$.items[0].fields"))
			.containsKeys("CHILD_NAME", "CHILD_CLASS")
			.doesNotContainKeys("ACCOUNT", "REPORTER_IDENTITY");
		assertThat(schools.body()).doesNotContain(ACCOUNT, "Nguyễn Văn Báo");
		assertThat(disclosures(toSchool)).containsExactly("API");

		TestUserAgent.Response polices = get(token(police, ApiPermission.REFERRALS), "/api/v1/referrals");

		assertThat(JsonPath.<List<String>>read(polices.body(), "$.items[*].code")).containsExactly(code(toPolice));
		assertThat(JsonPath.<String>read(polices.body(), "$.items[0].fields.ACCOUNT.text")).contains(ACCOUNT);
		List<String> keys = JsonPath.read(polices.body(), "$.items[0].fields.HARM_FORMS.keys");
		List<String> words = JsonPath.read(polices.body(), "$.items[0].fields.HARM_FORMS.words");
		assertThat(keys).isNotEmpty();
		assertThat(words).as("worded in Vietnamese").hasSameSizeAs(keys).doesNotContainAnyElementsOf(keys);
	}

	@Test
	void aDraftIsNoReferralToTheAgency() {
		AgencyId school = agency("Trường Tiểu học nháp", Sector.SCHOOL, TestUnits.CAI_KHE);
		ReferralId draft = draft(school, "SCHOOL_SUPPORT");
		String token = token(school, ApiPermission.REFERRALS);

		assertThat(JsonPath.<List<String>>read(get(token, "/api/v1/referrals").body(), "$.items")).isEmpty();
		assertThat(get(token, "/api/v1/referrals/" + draft).status()).isEqualTo(404);
		assertThat(post(token, draft, "acceptance", "{}", "nhap-1").status()).isEqualTo(404);
		assertThat(state(draft)).isEqualTo("DRAFT");
	}

	@Test
	void aFieldOutsideTheSchoolsShareIsRefusedWithAProblemAndLoggedAndNothingIsDisclosed() {
		AgencyId school = agency("Trường Tiểu học trường", Sector.SCHOOL, TestUnits.CAI_KHE);
		ReferralId id = sent(school, "SCHOOL_SUPPORT", "EDUCATION_SUPPORT");
		String token = token(school, ApiPermission.REFERRALS);

		TestUserAgent.Response list = get(token, "/api/v1/referrals?fields=CHILD_NAME,ACCOUNT");
		TestUserAgent.Response one = get(token, "/api/v1/referrals/" + id + "?fields=ACCOUNT");

		assertProblem(list, 403, "Khóa API không có quyền này");
		assertThat(JsonPath.<String>read(list.body(), "$.detail")).isEqualTo("referral.share.field-not-shared");
		assertProblem(one, 403, "Khóa API không có quyền này");
		assertThat(list.body() + one.body()).doesNotContain("Trần Thị Mai", ACCOUNT);
		assertThat(refusalsLogged(id)).isEqualTo(2);
		assertThat(disclosures(id)).isEmpty();

		TestUserAgent.Response narrowed = get(token, "/api/v1/referrals/" + id + "?fields=CHILD_NAME");
		assertThat(JsonPath.<Map<String, Object>>read(narrowed.body(), "$.fields")).containsOnlyKeys("CHILD_NAME");
		assertThat(get(token, "/api/v1/referrals?fields=NO_SUCH_FIELD").status()).isEqualTo(400);
	}

	@Test
	void anotherAgencysReferralIsRefusedByItsIdAndLogged() {
		AgencyId school = agency("Trường Tiểu học của phiếu", Sector.SCHOOL, TestUnits.CAI_KHE);
		AgencyId other = agency("Trường Tiểu học khác", Sector.SCHOOL, TestUnits.CAI_KHE);
		ReferralId id = sent(school, "SCHOOL_SUPPORT", "EDUCATION_SUPPORT");
		String stranger = token(other, ApiPermission.REFERRALS);

		TestUserAgent.Response read = get(stranger, "/api/v1/referrals/" + id);
		String key = "la-" + java.util.UUID.randomUUID();
		TestUserAgent.Response accept = post(stranger, id, "acceptance", "{}", key);

		assertProblem(read, 403, "Khóa API không có quyền này");
		assertThat(JsonPath.<String>read(read.body(), "$.detail")).isEqualTo("access.refused.agency");
		assertThat(read.body()).doesNotContain("Trần Thị Mai");
		assertProblem(accept, 403, "Khóa API không có quyền này");
		assertThat(state(id)).isEqualTo("SENT");
		assertThat(refusalsLogged(id)).isEqualTo(2);
		assertThat(JsonPath.<List<String>>read(get(stranger, "/api/v1/referrals").body(), "$.items")).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM referral_idempotency WHERE key = ?")
			.param(key)
			.query(Long.class)
			.single()).as("a refused step keeps no answer").isZero();
	}

	@Test
	void aTokenWithoutTheReferralsPermissionIsRefused() {
		AgencyId school = agency("Trường Tiểu học tiếp nhận", Sector.SCHOOL, TestUnits.CAI_KHE);
		ReferralId id = sent(school, "SCHOOL_SUPPORT", "EDUCATION_SUPPORT");
		String intake = token(school, ApiPermission.INTAKE);

		assertProblem(get(intake, "/api/v1/referrals"), 403, "Khóa API không có quyền này");
		assertProblem(post(intake, id, "acceptance", "{}", "khong-quyen"), 403, "Khóa API không có quyền này");
		assertThat(state(id)).isEqualTo("SENT");
		assertThat(new TestUserAgent(port).get("/api/v1/referrals").status()).isEqualTo(401);
	}

	@Test
	void theTokenPageOffersTheReferralsPermissionForAnAgency() {
		TestUserAgent admin = new TestUserAgent(port);
		admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));

		String page = admin.get("/admin/api-tokens").body();

		assertThat(page).contains("value=\"REFERRALS\"", "Trả lời chuyển gửi đến cơ quan (API)");
	}

	@Test
	void aMalformedIdIsABadRequest() {
		AgencyId school = agency("Trường Tiểu học mã", Sector.SCHOOL, TestUnits.CAI_KHE);
		String token = token(school, ApiPermission.REFERRALS);

		assertProblem(get(token, "/api/v1/referrals/khong-phai-ma"), 400, "Có giá trị không hợp lệ");
		assertThat(get(token, "/api/v1/referrals/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(post(token, "/api/v1/referrals/" + java.util.UUID.randomUUID() + "/acceptance", "{}",
				Map.of("Idempotency-Key", "khong-co"))
			.status()).isEqualTo(404);
		assertProblem(get(token, "/api/v1/referrals?page=zwei"), 400, "Có giá trị không hợp lệ");
	}

	@Test
	void theOpenApiDocumentDescribesTheReferralsEndpoints() {
		TestUserAgent admin = new TestUserAgent(port);
		admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));

		String document = admin.get("/api/openapi").body();

		Map<String, Object> paths = JsonPath.read(document, "$.paths");
		assertThat(paths).containsKeys("/api/v1/referrals", "/api/v1/referrals/{id}",
				"/api/v1/referrals/{id}/acceptance", "/api/v1/referrals/{id}/declination",
				"/api/v1/referrals/{id}/notes", "/api/v1/referrals/{id}/outcome");
		List<Map<String, Object>> key = JsonPath.read(document,
				"$.paths['/api/v1/referrals/{id}/notes'].post.parameters[?(@.name == 'Idempotency-Key')]");
		assertThat(key).singleElement()
			.satisfies(p -> assertThat(p).containsEntry("in", "header").containsEntry("required", true));
		assertThat(JsonPath.<Map<String, Object>>read(document,
				"$.paths['/api/v1/referrals/{id}/outcome'].post.responses"))
			.containsKeys("201", "400", "403", "404", "409", "415", "422");
		assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas")).containsKeys("Referral",
				"ReferralPage", "SchoolOutcome", "HealthOutcome", "PoliceOutcome", "ServiceOutcome", "Reason");
	}

	private List<String> disclosures(ReferralId id) {
		return jdbc.sql("SELECT channel FROM referral_disclosure WHERE referral_id = :id")
			.param("id", id.value())
			.query(String.class)
			.list();
	}

}
