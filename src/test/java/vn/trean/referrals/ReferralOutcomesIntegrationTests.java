package vn.trean.referrals;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.directory.Sector;
import vn.trean.identity.Actor;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each agency reports the outcome of its kind over HTTP: a school the support given, a
 * health facility the examination (whose findings never leave the referral's page); every
 * date of every kind is refused before the referral or in the future.
 */
@IntegrationTest
class ReferralOutcomesIntegrationTests extends OutcomeFixture {

	@Autowired
	ReferralShare share;

	static final String FINDINGS = "Vết bầm ở cánh tay ⟦FINDINGS⟧";

	@Test
	void aSchoolReportsTheSixMeasuresWhetherTheChildStaysInSchoolAndTheFollowUp() {
		AgencyId school = agency("Trường Tiểu học Cái Khế", Sector.SCHOOL, TestUnits.CAI_KHE);
		TestUserAgent focal = accepted(school, "EDUCATION_SUPPORT", "SCHOOL_SUPPORT");
		ReferralId id = referralOf(school);
		List<Map.Entry<String, String>> form = form(id, "completedOn", TODAY, "counsellingSessions", "4",
				"staysInSchool", "true", "followUpOn", TODAY);
		for (SchoolOutcome.Measure m : SchoolOutcome.Measure.values()) {
			form.add(Map.entry("measures", m.name()));
		}
		assertThat(focal.post("/referrals/" + id + "/complete/school", form).status()).isEqualTo(302);

		assertThat(state(id)).isEqualTo("COMPLETED");
		assertThat(outcomeData(id, "measures")).contains("COUNSELLING", "CLASS_OR_SEAT_CHANGE", "SUPERVISION",
				"LEARNING_SUPPORT", "WORK_WITH_OTHER_PARENTS", "DISCIPLINE_OF_PUPIL_WHO_HARMED");
		assertThat(outcomeData(id, "staysInSchool")).isEqualTo("true");
		assertThat(outcomeData(id, "followUpOn")).isEqualTo(TODAY);
		assertThat(completedEntry()).startsWith("Hỗ trợ trẻ tại trường: tư vấn với giáo viên tư vấn của trường")
			.contains("tư vấn 4 buổi", "trẻ tiếp tục đi học", "theo dõi ngày");
		assertThat(officer.get("/referrals/" + id).body()).contains("Biện pháp kỷ luật đối với học sinh gây tổn hại");
	}

	@Test
	void aHealthOutcomesFindingsStayOnTheReferralPageAndNowhereElse() {
		AgencyId clinic = agency("Trạm y tế Cái Khế", Sector.HEALTH_FACILITY, TestUnits.CAI_KHE);
		TestUserAgent focal = accepted(clinic, "HEALTH_CARE", "MEDICAL_EXAMINATION_TREATMENT");
		ReferralId id = referralOf(clinic);
		Map<String, String> outcome = new HashMap<>(
				Map.of("report", "HEALTH", "completedOn", TODAY, "examinedOn", TODAY, "findings", FINDINGS, "treatment",
						"Băng bó", "forensicEvidenceCollected", "true", "counsellingSessions", "2"));
		assertThat(focal.get("/referrals/" + id).body()).as("a sexual-abuse case asks the 72-hour question")
			.contains("id=\"within72Hours\"");
		TestUserAgent.Response unanswered = complete(focal, id, outcome);
		assertThat(unanswered.status()).as("the 72-hour question unanswered").isEqualTo(422);
		assertThat(state(id)).isEqualTo("ACCEPTED");

		outcome.put("within72Hours", "true");
		assertThat(complete(focal, id, outcome).status()).isEqualTo(302);
		assertThat(state(id)).isEqualTo("COMPLETED");
		assertThat(outcomeData(id, "findings")).isEqualTo(FINDINGS);
		assertThat(completedEntry()).contains("đã thu thập chứng cứ pháp y", "khám trong vòng 72 giờ")
			.doesNotContain("FINDINGS", "Băng bó");
		for (String table : List.of("case_entry", "notification", "audit_entry", "referral_event")) {
			assertThat(jdbc.sql("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%⟦FINDINGS⟧%'")
				.query(Long.class)
				.single()).as(table).isZero();
		}
		assertThat(officer.get("/referrals/" + id).body()).contains(FINDINGS);
		assertThat(focal.get("/referrals/" + id).body()).contains(FINDINGS);
		Actor reader = Actor.of(testCases.user(officerName), "127.0.0.1");
		assertThat(share.share(reader, id, ReferralShare.Channel.API, Set.of()).outcome().report())
			.as("the findings are read on the referral's page only")
			.isEqualTo(
					((HealthOutcome) share.share(reader, id, ReferralShare.Channel.PAGE, Set.of()).outcome().report())
						.withoutSensitive())
			.extracting("findings")
			.isNull();
	}

	@Test
	void everyDateOfEveryKindIsRefusedBeforeTheReferralOrInTheFutureAndNothingIsStored() {
		AgencyId school = agency("Trường THCS Cái Khế", Sector.SCHOOL, TestUnits.CAI_KHE);
		TestUserAgent schoolFocal = accepted(school, "EDUCATION_SUPPORT", "SCHOOL_SUPPORT");
		refusedForEachDate(schoolFocal, referralOf(school), Map.of("report", "SCHOOL", "completedOn", TODAY, "measures",
				"SUPERVISION", "staysInSchool", "true", "followUpOn", TODAY), "completedOn", "followUpOn");

		AgencyId clinic = agency("Bệnh viện Nhi Cần Thơ", Sector.HEALTH_FACILITY, TestUnits.CAI_KHE);
		TestUserAgent clinicFocal = accepted(clinic, "HEALTH_CARE", "MEDICAL_EXAMINATION_TREATMENT");
		refusedForEachDate(clinicFocal, referralOf(clinic), Map.of("report", "HEALTH", "completedOn", TODAY,
				"examinedOn", TODAY, "forensicEvidenceCollected", "false", "within72Hours", "false"), "completedOn",
				"examinedOn");

		AgencyId centre = agency("Trung tâm Công tác xã hội Cần Thơ", Sector.SOCIAL_WORK_CENTRE, TestUnits.CAI_KHE);
		TestUserAgent centreFocal = accepted(centre, "SOCIAL_WORK", "SOCIAL_WORK_FOLLOW_UP");
		refusedForEachDate(centreFocal, referralOf(centre), Map.of("report", "SERVICE", "completedOn", TODAY,
				"sessions", "3", "outcome", "Gia đình ổn định", "followUpOn", TODAY), "completedOn", "followUpOn");

		AgencyId police = agency("Công an quận Ninh Kiều", Sector.POLICE, TestUnits.CAI_KHE);
		TestUserAgent policeFocal = accepted(police, "INVESTIGATION", "CRIME_INVESTIGATION");
		ReferralId id = referralOf(police);
		refusedForEachDate(
				policeFocal, id, Map.of("report", "POLICE", "completedOn", TODAY, "forensicRequested", "false",
						"forensicDone", "false", "decision", "PROSECUTION_OPENED", "decidedOn", TODAY),
				"completedOn", "decidedOn");
		String now = LocalDateTime.now(Time.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
		String before = LocalDateTime.now(Time.ZONE).minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
		String later = LocalDateTime.now(Time.ZONE).plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString();
		Map<String, String> forwarding = Map.of("receivedAt", now, "forwardedAt", now, "forwardedTo", "Cơ quan CSĐT");
		for (String field : List.of("receivedAt", "forwardedAt")) {
			for (String at : List.of(before, later)) {
				var changed = new HashMap<>(forwarding);
				changed.put(field, at);
				assertThat(step(policeFocal, id, "forwarding", changed).status()).as(field + " " + at).isEqualTo(422);
			}
		}
		assertThat(jdbc.sql("SELECT count(*) FROM referral_police_record WHERE referral_id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single()).isZero();
		for (String at : List.of(before, later)) {
			assertThat(step(policeFocal, id, "interviews", Map.of("heldAt", at, "room", Long.toString(room(true)),
					"investigator", Long.toString(trainedInvestigator())))
				.status()).as("heldAt " + at).isEqualTo(422);
		}
		assertThat(interviews(id)).isZero();
	}

	private void refusedForEachDate(TestUserAgent focal, ReferralId id, Map<String, String> outcome, String... fields) {
		for (String field : fields) {
			for (String day : List.of(YESTERDAY, TOMORROW)) {
				var changed = new HashMap<>(outcome);
				changed.put(field, day);
				TestUserAgent.Response r = complete(focal, id, changed);
				assertThat(r.status()).as(outcome.get("report") + " " + field + " " + day).isEqualTo(422);
				assertThat(r.body()).contains(day.equals(YESTERDAY) ? "Ngày không được trước ngày gửi phiếu."
						: "Ngày không được ở tương lai.");
			}
		}
		assertThat(state(id)).isEqualTo("ACCEPTED");
		assertThat(jdbc.sql("SELECT count(*) FROM referral_outcome WHERE referral_id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single()).isZero();
	}

}
