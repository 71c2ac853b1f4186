package vn.trean.referrals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * health facility the examination (whose findings never leave the referral's page), the
 * police the forwarding, interviews in registered rooms by rostered investigators, and
 * the decision; every date of every kind is refused before the referral or in the future.
 */
@IntegrationTest
class ReferralOutcomesIntegrationTests extends ReferralFixture {

	@Autowired
	ReferralShare share;

	static final String FINDINGS = "Vết bầm ở cánh tay ⟦FINDINGS⟧";

	static final String TODAY = LocalDate.now(Time.ZONE).toString();

	static final String YESTERDAY = LocalDate.now(Time.ZONE).minusDays(1).toString();

	static final String TOMORROW = LocalDate.now(Time.ZONE).plusDays(1).toString();

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
	void aWithdrawnReferralTakesNoOutcomeForwardingOrInterview() {
		AgencyId police = agency("Công an phường An Hòa", Sector.POLICE, TestUnits.CAI_KHE);
		TestUserAgent focal = accepted(police, "INVESTIGATION", "CRIME_INVESTIGATION");
		ReferralId id = referralOf(police);
		assertThat(step(officer, id, "withdraw", Map.of("reason", "Gia đình chuyển đi")).status()).isEqualTo(302);
		String now = LocalDateTime.now(Time.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
		assertThat(
				complete(focal, id,
						Map.of("report", "POLICE", "completedOn", TODAY, "forensicRequested", "false", "forensicDone",
								"false", "decision", "PROSECUTION_OPENED", "decidedOn", TODAY))
					.status())
			.isEqualTo(409);
		assertThat(step(focal, id, "forwarding", Map.of("receivedAt", now, "forwardedAt", now, "forwardedTo", "CSĐT"))
			.status()).isEqualTo(409);
		assertThat(step(focal, id, "interviews", Map.of("heldAt", now, "room", Long.toString(room(true)),
				"investigator", Long.toString(trainedInvestigator())))
			.status()).isEqualTo(409);
		assertThat(state(id)).isEqualTo("WITHDRAWN");
		assertThat(jdbc.sql("""
				SELECT (SELECT count(*) FROM referral_outcome WHERE referral_id = :id)
				  + (SELECT count(*) FROM referral_police_record WHERE referral_id = :id)
				  + (SELECT count(*) FROM referral_interview WHERE referral_id = :id)""")
			.param("id", id.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void thePoliceRecordTheForwardingAndInterviewsInARegisteredRoomByARosteredTrainedInvestigator() {
		AgencyId police = agency("Công an phường Cái Khế", Sector.POLICE, TestUnits.CAI_KHE);
		TestUserAgent focal = accepted(police, "INVESTIGATION", "CRIME_INVESTIGATION");
		ReferralId id = referralOf(police);
		String now = LocalDateTime.now(Time.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
		assertThat(focal.get("/referrals/" + id).body()).contains("id=\"forwarding-form\"", "id=\"interview-form\"");

		assertThat(step(focal, id, "forwarding",
				Map.of("receivedAt", now, "forwardedAt", now, "forwardedTo", "Cơ quan CSĐT Công an TP Cần Thơ"))
			.status()).isEqualTo(302);
		assertThat(jdbc
			.sql("SELECT met_at IS NOT NULL FROM referral_deadline WHERE referral_id = :id AND clock = 'FORWARDING'")
			.param("id", id.value())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("SELECT forwarded_to FROM referral_police_record WHERE referral_id = :id")
			.param("id", id.value())
			.query(String.class)
			.single()).isEqualTo("Cơ quan CSĐT Công an TP Cần Thơ");

		long room = room(true);
		long investigator = trainedInvestigator();
		assertThat(step(focal, id, "interviews", Map.of("heldAt", now, "room", Long.toString(room), "investigator",
				Long.toString(investigator), "supportPerson", "Mẹ của Mai"))
			.status()).isEqualTo(302);
		assertThat(jdbc.sql("""
				SELECT room_child_friendly AND investigator_trained FROM referral_interview WHERE referral_id = :id""")
			.param("id", id.value())
			.query(Boolean.class)
			.single()).isTrue();

		TestUserAgent.Response unknownRoom = step(focal, id, "interviews",
				Map.of("heldAt", now, "room", "999999999", "investigator", Long.toString(investigator)));
		assertThat(unknownRoom.status()).isEqualTo(422);
		assertThat(unknownRoom.body()).contains("không có trong sổ đăng ký phòng lấy lời khai");
		assertThat(interviews(id)).isEqualTo(1);

		TestUserAgent.Response noReason = complete(focal, id, Map.of("report", "POLICE", "completedOn", TODAY,
				"forensicRequested", "true", "forensicDone", "false", "decision", "NOT_OPENED", "decidedOn", TODAY));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body()).contains("Ghi lý do không khởi tố.");
		assertThat(state(id)).isNotEqualTo("COMPLETED");

		assertThat(complete(focal, id, Map.of("report", "POLICE", "completedOn", TODAY, "forensicRequested", "true",
				"forensicDone", "true", "decision", "PROSECUTION_OPENED", "decidedOn", TODAY))
			.status()).isEqualTo(302);
		assertThat(completedEntry()).startsWith("Khởi tố vụ án").contains("lấy lời khai 1 lần");
		assertThat(officer.get("/referrals/" + id).body()).contains("Phòng thân thiện với trẻ em", "Mẹ của Mai");
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

	/** Posts the outcome form of the kind its "report" names. */
	private TestUserAgent.Response complete(TestUserAgent agent, ReferralId id, Map<String, String> outcome) {
		var fields = new HashMap<>(outcome);
		String report = fields.remove("report");
		return step(agent, id, "complete/" + report.toLowerCase(java.util.Locale.ROOT), fields);
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

	/**
	 * Sends the agency a referral of the case's child on a consent, and has it accepted.
	 */
	private TestUserAgent accepted(AgencyId agency, String purpose, String service) {
		consent(purpose);
		ReferralId id = draft(agency, service);
		assertThat(step(officer, id, "send", Map.of()).status()).isEqualTo(302);
		TestUserAgent focal = focalPoint(agency, TestUnits.CAI_KHE);
		assertThat(step(focal, id, "accept", Map.of()).status()).isEqualTo(302);
		return focal;
	}

	private ReferralId referralOf(AgencyId agency) {
		return new ReferralId(jdbc.sql("SELECT id FROM referral WHERE agency_id = :a")
			.param("a", agency.value())
			.query(java.util.UUID.class)
			.single());
	}

	private List<Map.Entry<String, String>> form(ReferralId id, String... pairs) {
		List<Map.Entry<String, String>> form = new ArrayList<>();
		form.add(Map.entry("version", Integer.toString(version(id))));
		for (int i = 0; i < pairs.length; i += 2) {
			form.add(Map.entry(pairs[i], pairs[i + 1]));
		}
		return form;
	}

	private String outcomeData(ReferralId id, String field) {
		return jdbc.sql("SELECT data ->> :field FROM referral_outcome WHERE referral_id = :id")
			.param("field", field)
			.param("id", id.value())
			.query(String.class)
			.single();
	}

	private String completedEntry() {
		return jdbc.sql("SELECT text FROM case_entry WHERE case_id = :id AND kind = 'REFERRAL_COMPLETED'")
			.param("id", caseId.value())
			.query(String.class)
			.single();
	}

	private long interviews(ReferralId id) {
		return jdbc.sql("SELECT count(*) FROM referral_interview WHERE referral_id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single();
	}

	/** An interview room of Cái Khế in the registers. */
	private long room(boolean childFriendly) {
		return jdbc.sql("""
				INSERT INTO interview_room (unit_id, name, established_on, child_friendly, entered_by, entered_at)
				VALUES (:unit, 'Phòng lấy lời khai thân thiện Cái Khế', DATE '2020-01-01', :cf, 'test', now())
				RETURNING id""")
			.param("unit", testUnits.caiKhe().value())
			.param("cf", childFriendly)
			.query(Long.class)
			.single();
	}

	/**
	 * A police investigator on Cái Khế's roster, trained in child-friendly investigation
	 * in 2024.
	 */
	private long trainedInvestigator() {
		long member = jdbc.sql("""
				INSERT INTO workforce_member (unit_id, full_name, role, sex, active_from, entered_by, entered_at)
				VALUES (:unit, 'Đại úy Lê Văn An', 'POLICE_INVESTIGATOR', 'MALE', DATE '2020-01-01', 'test', now())
				RETURNING id""").param("unit", testUnits.caiKhe().value()).query(Long.class).single();
		long training = jdbc.sql("""
				INSERT INTO training (unit_id, held_on, topic, organiser, kind, entered_by, entered_at)
				VALUES (:unit, DATE '2024-03-01', 'Điều tra thân thiện', 'Công an TP',
				  'CHILD_FRIENDLY_INVESTIGATION', 'test', now()) RETURNING id""")
			.param("unit", testUnits.caiKhe().value())
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO training_participant (training_id, workforce_member_id) VALUES (:t, :m)")
			.param("t", training)
			.param("m", member)
			.update();
		return member;
	}

}
