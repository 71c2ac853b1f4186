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

	@org.springframework.beans.factory.annotation.Autowired
	vn.trean.cases.CaseReferrals caseReferrals;

	@org.springframework.beans.factory.annotation.Autowired
	vn.trean.cases.CaseTransfers transfers;

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
		assertThat(focal.get("/").body()).as("the start page names the step and the code, not the child")
			.contains("Tiếp nhận hoặc từ chối phiếu chuyển gửi", code(id))
			.doesNotContain("Trần Thị Mai");
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
		assertThat(officer.get("/").body()).contains("Chuyển gửi lại phiếu bị từ chối", "/referrals/" + id);

		assertThat(step(officer, id, "resend", Map.of("agency", Long.toString(school.value()))).status())
			.as("to the agency that declined")
			.isEqualTo(422);
		TestUserAgent.Response resent = step(officer, id, "resend", Map.of("agency", Long.toString(second.value())));
		assertThat(resent.status()).isEqualTo(302);
		ReferralId next = ReferralId.valueOf(resent.location().substring(resent.location().lastIndexOf('/') + 1));
		assertThat(state(next)).isEqualTo("DRAFT");
		assertThat(officer.get("/").body()).as("re-sent: the draft waits, the declined one no more")
			.contains("Gửi phiếu chuyển gửi đang soạn", "/referrals/" + next)
			.doesNotContain("/referrals/" + id);
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
	void anAgencyOutsideTheDirectoryOrAChildOutsideTheCaseIsRefusedAndNothingIsDrafted() {
		AgencyId school = agency("Trường Tiểu học Ngoài Danh Bạ", Sector.SCHOOL, TestUnits.CAI_KHE);
		TestUserAgent.Response unknown = officer.post("/cases/" + caseId + "/referrals", Map.of("child",
				Long.toString(child), "agency", "999999999", "services", "SCHOOL_SUPPORT", "supportRequested", "x"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body()).contains("Cơ quan không có trong danh bạ.");
		TestUserAgent.Response stranger = officer.post("/cases/" + caseId + "/referrals", Map.of("child", "1", "agency",
				Long.toString(school.value()), "services", "SCHOOL_SUPPORT", "supportRequested", "x"));
		assertThat(stranger.status()).isEqualTo(422);
		assertThat(stranger.body()).contains("Trẻ em này không thuộc vụ việc.");
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

	@Test
	void theAgencysFocalPointsAndHeadAreToldOfASentReferralByCodeAndLinkOnlyAndTheOfficerOfItsAnswer() {
		AgencyId school = agency("Trường Tiểu học Tân An", Sector.SCHOOL, TestUnits.CAI_KHE);
		String focalName = testAccounts.create(vn.trean.identity.Role.AGENCY_FOCAL_POINT, TestUnits.CAI_KHE, school,
				true);
		String headName = testAccounts.create(vn.trean.identity.Role.AGENCY_FOCAL_POINT, TestUnits.CAI_KHE, school,
				true);
		long head = userId(headName);
		jdbc.sql("UPDATE agency SET head_user_id = :head WHERE id = :id")
			.param("head", head)
			.param("id", school.value())
			.update();
		jdbc.sql("UPDATE protection_case SET assigned_officer_id = :officer WHERE id = :id")
			.param("officer", userId(officerName))
			.param("id", caseId.value())
			.update();
		consent("EDUCATION_SUPPORT");
		ReferralId id = draft(school, "SCHOOL_SUPPORT");
		assertThat(notified(id)).as("a draft tells nobody").isEmpty();
		step(officer, id, "send", Map.of());

		assertThat(notified(id)).containsExactlyInAnyOrder(userId(focalName) + " referral.notice.SENT",
				head + " referral.notice.SENT");
		assertThat(jdbc.sql("SELECT reference || ' ' || link FROM notification WHERE link = :link")
			.param("link", "/referrals/" + id)
			.query(String.class)
			.list()).allSatisfy(n -> assertThat(n).isEqualTo(code(id) + " /referrals/" + id));

		TestUserAgent focal = new TestUserAgent(port);
		focal.signIn(focalName);
		step(focal, id, "accept", Map.of());
		assertThat(notified(id)).contains(userId(officerName) + " referral.notice.ACCEPTED");
	}

	@Test
	void theCaseKnowsWhichOfItsReferralsAreOpenForItsClosingAndListsThemOnItsPage() {
		AgencyId school = agency("Trường Tiểu học An Cư", Sector.SCHOOL, TestUnits.CAI_KHE);
		consent("EDUCATION_SUPPORT");
		ReferralId draft = draft(school, "SCHOOL_SUPPORT");
		assertThat(caseReferrals.openOn(caseId)).as("a draft is not open").isEmpty();
		step(officer, draft, "send", Map.of());
		assertThat(caseReferrals.openOn(caseId)).extracting(vn.trean.cases.CaseReferrals.OpenReferral::code)
			.containsExactly(code(draft));
		assertThat(officer.get("/cases/" + caseId).body()).contains(code(draft), "Đã gửi, chờ tiếp nhận");
		step(officer, draft, "withdraw", Map.of("reason", "Không cần nữa"));
		assertThat(caseReferrals.openOn(caseId)).isEmpty();
	}

	@Test
	void aTransferredCaseTakesItsReferralsAndConsentsToTheCommuneThatTookItOver() {
		AgencyId school = agency("Trường Tiểu học Xuân Khánh", Sector.SCHOOL, TestUnits.CAI_KHE);
		consent("EDUCATION_SUPPORT");
		ReferralId id = draft(school, "SCHOOL_SUPPORT");
		step(officer, id, "send", Map.of());
		String ninhKieu = testAccounts.create(vn.trean.identity.Role.COMMUNE_OFFICER, TestUnits.NINH_KIEU);
		transfers.request(vn.trean.identity.Actor.of(testCases.user(officerName), "127.0.0.1"), caseId,
				testCases.version(caseId),
				new vn.trean.cases.CaseTransfers.Request(testUnits.id(TestUnits.NINH_KIEU).value(), "Trẻ chuyển nhà"));
		transfers.accept(vn.trean.identity.Actor.of(testCases.user(ninhKieu), "127.0.0.1"), caseId,
				testCases.version(caseId));

		assertThat(jdbc
			.sql("SELECT DISTINCT unit_id FROM (SELECT unit_id FROM referral WHERE case_id = :id "
					+ "UNION ALL SELECT unit_id FROM referral_consent WHERE case_id = :id) t")
			.param("id", caseId.value())
			.query(Long.class)
			.list()).containsExactly(testUnits.id(TestUnits.NINH_KIEU).value());
		assertThat(officer.get("/referrals/" + id).status()).as("the commune that handed the case on").isEqualTo(403);
		TestUserAgent taker = new TestUserAgent(port);
		taker.signIn(ninhKieu);
		assertThat(taker.get("/referrals/" + id).body()).contains(code(id), "Trần Thị Mai");
		assertThat(step(taker, id, "withdraw", Map.of("reason", "Xã mới tự hỗ trợ")).status()).isEqualTo(302);
	}

	@Test
	void aWithdrawnConsentSuspendsWhatTheAgencySeesAndTellsItUntilANewConsentIsRecorded() {
		AgencyId school = agency("Trường Tiểu học Mỹ Khánh", Sector.SCHOOL, TestUnits.CAI_KHE);
		String focalName = testAccounts.create(vn.trean.identity.Role.AGENCY_FOCAL_POINT, TestUnits.CAI_KHE, school,
				true);
		consent("EDUCATION_SUPPORT");
		ReferralId id = draft(school, "SCHOOL_SUPPORT");
		step(officer, id, "send", Map.of());
		TestUserAgent focal = new TestUserAgent(port);
		focal.signIn(focalName);
		assertThat(focal.get("/referrals/" + id).body()).contains("Trần Thị Mai");

		long consentId = jdbc.sql("SELECT sent_consent_id FROM referral WHERE id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single();
		grounds.withdrawConsent(vn.trean.identity.Actor.of(testCases.user(officerName), "127.0.0.1"), consentId,
				new Withdrawal(Withdrawal.By.CARER, "Gia đình không đồng ý nữa"));

		String suspended = focal.get("/referrals/" + id).body();
		assertThat(suspended).contains("Việc chia sẻ thông tin đang tạm dừng", code(id)).doesNotContain("Trần Thị Mai");
		assertThat(notified(id)).contains(userId(focalName) + " referral.notice.SUSPENDED");

		consent("EDUCATION_SUPPORT");
		assertThat(focal.get("/referrals/" + id).body()).contains("Trần Thị Mai")
			.doesNotContain("Việc chia sẻ thông tin đang tạm dừng");
	}

	private java.util.List<String> notified(ReferralId id) {
		return jdbc.sql("SELECT user_id || ' ' || step_key FROM notification WHERE link = :link")
			.param("link", "/referrals/" + id)
			.query(String.class)
			.list();
	}

	private long userId(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
	}

	/**
	 * A school's outcome: a seat change and three counselling sessions; the child stays.
	 */
	private static Map<String, String> schoolOutcome(String completedOn) {
		return Map.of("completedOn", completedOn, "measures", "CLASS_OR_SEAT_CHANGE", "counsellingSessions", "3",
				"staysInSchool", "true");
	}

	private java.util.List<String> timeline() {
		return jdbc.sql("SELECT kind FROM case_entry WHERE case_id = :id ORDER BY at, id")
			.param("id", caseId.value())
			.query(String.class)
			.list();
	}

}
