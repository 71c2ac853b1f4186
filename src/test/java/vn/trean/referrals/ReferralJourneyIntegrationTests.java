package vn.trean.referrals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.directory.Sector;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A referral's life over HTTP, from the officer's draft to the agency's outcome: each
 * side takes only its own steps, the agency sees only its sector's share, and every step
 * is on the case's timeline.
 */
@IntegrationTest
class ReferralJourneyIntegrationTests extends ReferralFixture {

	@Test
	void aSchoolReferralGoesFromDraftToOutcomeAndTheSchoolSeesNeitherTheAccountNorTheReporter() {
		AgencyId school = agency("Trường Tiểu học Cái Khế", Sector.SCHOOL, TestUnits.CAI_KHE);
		ReferralId id = draft(school, "SCHOOL_SUPPORT");
		assertThat(state(id)).isEqualTo("DRAFT");

		TestUserAgent.Response refused = step(officer, id, "send", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("chưa có sự đồng ý hoặc căn cứ pháp lý");
		assertThat(state(id)).isEqualTo("DRAFT");

		consent("EDUCATION_SUPPORT");
		assertThat(step(officer, id, "send", Map.of()).status()).isEqualTo(302);
		assertThat(state(id)).isEqualTo("SENT");
		assertThat(officer.get("/cases/" + caseId).body()).contains("Chuyển gửi");

		TestUserAgent focal = focalPoint(school, TestUnits.CAI_KHE);
		assertThat(focal.get("/referrals/inbox").body()).contains(code(id));
		String page = focal.get("/referrals/" + id).body();
		assertThat(page).contains("Trần Thị Mai", "Lớp 4A").doesNotContain(ACCOUNT, "Nguyễn Văn Báo", "0901234567");

		assertThat(step(focal, id, "accept", Map.of()).status()).isEqualTo(302);
		assertThat(step(focal, id, "accept", Map.of()).status()).as("a second acceptance").isEqualTo(409);
		assertThat(step(focal, id, "notes", Map.of("text", "Đã gặp cô chủ nhiệm")).status()).isEqualTo(302);
		assertThat(state(id)).isEqualTo("IN_PROGRESS");
		assertThat(step(focal, id, "complete/school", schoolOutcome("2000-01-01")).status())
			.as("an outcome dated before the referral")
			.isEqualTo(422);
		assertThat(step(focal, id, "complete/school", schoolOutcome("2999-01-01")).status())
			.as("an outcome dated in the future")
			.isEqualTo(422);
		assertThat(state(id)).isEqualTo("IN_PROGRESS");
		String today = java.time.LocalDate.now(vn.trean.shared.Time.ZONE).toString();
		assertThat(step(focal, id, "complete/school", schoolOutcome(today)).status()).isEqualTo(302);
		assertThat(state(id)).isEqualTo("COMPLETED");

		assertThat(timeline()).contains("REFERRAL_DRAFTED", "REFERRAL_SENT", "REFERRAL_ACCEPTED", "REFERRAL_PROGRESS",
				"REFERRAL_COMPLETED");
		assertThat(jdbc.sql("SELECT text FROM case_entry WHERE case_id = :id AND kind = 'REFERRAL_COMPLETED'")
			.param("id", caseId.value())
			.query(String.class)
			.single())
			.isEqualTo("Hỗ trợ trẻ tại trường: đổi lớp hoặc đổi chỗ ngồi; tư vấn 3 buổi; trẻ tiếp tục đi học");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE target_id = :id AND action = 'REFERRAL_SENT'")
			.param("id", id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void thePoliceSeeTheAccountAndTheReporterOnlyWhenTheOfficerSharesThem() {
		AgencyId police = agency("Công an phường Cái Khế", Sector.POLICE, TestUnits.CAI_KHE);
		consent("INVESTIGATION");
		ReferralId id = draft(police, "CRIME_INVESTIGATION");
		step(officer, id, "send", Map.of());
		assertThat(jdbc.sql("SELECT clock FROM referral_deadline WHERE referral_id = :id ORDER BY clock")
			.param("id", id.value())
			.query(String.class)
			.list()).containsExactly("FORWARDING", "RESPONSE");

		String page = focalPoint(police, TestUnits.CAI_KHE).get("/referrals/" + id).body();
		assertThat(page).contains(ACCOUNT).doesNotContain("Nguyễn Văn Báo");
	}

	@Test
	void anotherAgencysFocalPointAndAnotherCommunesOfficerAreRefusedTheReferralByItsAddress() {
		AgencyId school = agency("Trường Tiểu học An Hòa", Sector.SCHOOL, TestUnits.CAI_KHE);
		AgencyId other = agency("Trường THCS khác", Sector.SCHOOL, TestUnits.CAI_KHE);
		consent("EDUCATION_SUPPORT");
		ReferralId id = draft(school, "SCHOOL_SUPPORT");
		step(officer, id, "send", Map.of());

		TestUserAgent stranger = focalPoint(other, TestUnits.CAI_KHE);
		TestUserAgent.Response page = stranger.get("/referrals/" + id);
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).doesNotContain("Trần Thị Mai");
		assertThat(step(stranger, id, "accept", Map.of()).status()).isEqualTo(403);
		assertThat(state(id)).isEqualTo("SENT");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE target_id = :id AND outcome = 'DENIED'")
			.param("id", id.toString())
			.query(Long.class)
			.single()).isEqualTo(2);

		TestUserAgent neighbour = new TestUserAgent(port);
		neighbour.signIn(testAccounts.create(vn.trean.identity.Role.COMMUNE_OFFICER, TestUnits.NINH_KIEU));
		assertThat(neighbour.get("/referrals/" + id).status()).isEqualTo(403);
		assertThat(step(neighbour, id, "withdraw", Map.of("reason", "x")).status()).isEqualTo(403);
	}

	@Test
	void aDeclinedReferralTakesNoOutcomeAndIsResentOnlyToAnotherAgency() {
		AgencyId school = agency("Trường Tiểu học Thới Bình", Sector.SCHOOL, TestUnits.CAI_KHE);
		AgencyId second = agency("Trường Tiểu học Thới Bình 2", Sector.SCHOOL, TestUnits.CAI_KHE);
		consent("EDUCATION_SUPPORT");
		ReferralId id = draft(school, "SCHOOL_SUPPORT");
		step(officer, id, "send", Map.of());
		TestUserAgent focal = focalPoint(school, TestUnits.CAI_KHE);
		assertThat(step(focal, id, "decline", Map.of("reason", "")).status()).as("a decline needs its reason")
			.isEqualTo(422);
		assertThat(step(focal, id, "decline", Map.of("reason", "Trẻ không học ở trường")).status()).isEqualTo(302);
		assertThat(step(focal, id, "complete/school", schoolOutcome("2026-01-01")).status())
			.as("an outcome on a declined referral")
			.isEqualTo(409);
		assertThat(state(id)).isEqualTo("DECLINED");

		assertThat(step(officer, id, "resend", Map.of("agency", Long.toString(school.value()))).status())
			.as("to the agency that declined")
			.isEqualTo(422);
		TestUserAgent.Response resent = step(officer, id, "resend", Map.of("agency", Long.toString(second.value())));
		assertThat(resent.status()).isEqualTo(302);
		ReferralId next = ReferralId.valueOf(resent.location().substring(resent.location().lastIndexOf('/') + 1));
		assertThat(state(next)).isEqualTo("DRAFT");
		assertThat(jdbc.sql("SELECT resent_from FROM referral WHERE id = :id")
			.param("id", next.value())
			.query(java.util.UUID.class)
			.single()).isEqualTo(id.value());
	}

	@Test
	void aServiceTheAgencysSectorDoesNotOfferIsRefusedAndNothingIsDrafted() {
		AgencyId school = agency("Trường Tiểu học Hưng Lợi", Sector.SCHOOL, TestUnits.CAI_KHE);
		TestUserAgent.Response r = officer.post("/cases/" + caseId + "/referrals", Map.of("child", Long.toString(child),
				"agency", Long.toString(school.value()), "services", "CRIME_INVESTIGATION", "supportRequested", "x"));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.body()).contains("không cung cấp một hoặc nhiều dịch vụ");
		assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE case_id = :id")
			.param("id", caseId.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aWithdrawnReferralShowsTheAgencyOnlyItsEnvelope() {
		AgencyId school = agency("Trường Tiểu học Bùi Hữu Nghĩa", Sector.SCHOOL, TestUnits.CAI_KHE);
		consent("EDUCATION_SUPPORT");
		ReferralId id = draft(school, "SCHOOL_SUPPORT");
		step(officer, id, "send", Map.of());
		assertThat(step(officer, id, "withdraw", Map.of("reason", "Gia đình chuyển nơi ở")).status()).isEqualTo(302);
		String page = focalPoint(school, TestUnits.CAI_KHE).get("/referrals/" + id).body();
		assertThat(page).contains(code(id)).doesNotContain("Trần Thị Mai");
	}

	/**
	 * A school's outcome: a seat change and three counselling sessions; the child stays.
	 */
	private static Map<String, String> schoolOutcome(String completedOn) {
		return Map.of("completedOn", completedOn, "measures", "CLASS_OR_SEAT_CHANGE", "counsellingSessions", "3",
				"staysInSchool", "true");
	}

	private String code(ReferralId id) {
		return jdbc.sql("SELECT reference_code FROM referral WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
	}

	private java.util.List<String> timeline() {
		return jdbc.sql("SELECT kind FROM case_entry WHERE case_id = :id ORDER BY at, id")
			.param("id", caseId.value())
			.query(String.class)
			.list();
	}

}
