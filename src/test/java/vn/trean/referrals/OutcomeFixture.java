package vn.trean.referrals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the outcome tests share besides the referral fixture: a referral sent and
 * accepted, the outcome forms as a browser posts them, and an interview room and a
 * trained police investigator in the registers.
 */
abstract class OutcomeFixture extends ReferralFixture {

	static final String TODAY = LocalDate.now(Time.ZONE).toString();

	static final String YESTERDAY = LocalDate.now(Time.ZONE).minusDays(1).toString();

	static final String TOMORROW = LocalDate.now(Time.ZONE).plusDays(1).toString();

	/** Now in Viet Nam, to the minute, as a datetime-local control sends it. */
	static String now() {
		return LocalDateTime.now(Time.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	/** Posts the outcome form of the kind its "report" names. */
	TestUserAgent.Response complete(TestUserAgent agent, ReferralId id, Map<String, String> outcome) {
		var fields = new HashMap<>(outcome);
		String report = fields.remove("report");
		return step(agent, id, "complete/" + report.toLowerCase(java.util.Locale.ROOT), fields);
	}

	/**
	 * Sends the agency a referral of the case's child on a consent, and has it accepted.
	 */
	TestUserAgent accepted(AgencyId agency, String purpose, String service) {
		consent(purpose);
		ReferralId id = draft(agency, service);
		assertThat(step(officer, id, "send", Map.of()).status()).isEqualTo(302);
		TestUserAgent focal = focalPoint(agency, TestUnits.CAI_KHE);
		assertThat(step(focal, id, "accept", Map.of()).status()).isEqualTo(302);
		return focal;
	}

	ReferralId referralOf(AgencyId agency) {
		return new ReferralId(jdbc.sql("SELECT id FROM referral WHERE agency_id = :a")
			.param("a", agency.value())
			.query(java.util.UUID.class)
			.single());
	}

	List<Map.Entry<String, String>> form(ReferralId id, String... pairs) {
		List<Map.Entry<String, String>> form = new ArrayList<>();
		form.add(Map.entry("version", Integer.toString(version(id))));
		for (int i = 0; i < pairs.length; i += 2) {
			form.add(Map.entry(pairs[i], pairs[i + 1]));
		}
		return form;
	}

	String outcomeData(ReferralId id, String field) {
		return jdbc.sql("SELECT data ->> :field FROM referral_outcome WHERE referral_id = :id")
			.param("field", field)
			.param("id", id.value())
			.query(String.class)
			.single();
	}

	String completedEntry() {
		return jdbc.sql("SELECT text FROM case_entry WHERE case_id = :id AND kind = 'REFERRAL_COMPLETED'")
			.param("id", caseId.value())
			.query(String.class)
			.single();
	}

	long interviews(ReferralId id) {
		return jdbc.sql("SELECT count(*) FROM referral_interview WHERE referral_id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single();
	}

	/** An interview room of Cái Khế in the registers. */
	long room(boolean childFriendly) {
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
	long trainedInvestigator() {
		return investigatorTrainedIn("CHILD_FRIENDLY_INVESTIGATION");
	}

	/**
	 * A police investigator on Cái Khế's roster, who attended a training of the kind in
	 * 2024.
	 */
	long investigatorTrainedIn(String kind) {
		long member = jdbc.sql("""
				INSERT INTO workforce_member (unit_id, full_name, role, sex, active_from, entered_by, entered_at)
				VALUES (:unit, 'Đại úy Lê Văn An', 'POLICE_INVESTIGATOR', 'MALE', DATE '2020-01-01', 'test', now())
				RETURNING id""").param("unit", testUnits.caiKhe().value()).query(Long.class).single();
		long training = jdbc.sql("""
				INSERT INTO training (unit_id, held_on, topic, organiser, kind, entered_by, entered_at)
				VALUES (:unit, DATE '2024-03-01', 'Tập huấn', 'Công an TP', :kind, 'test', now()) RETURNING id""")
			.param("unit", testUnits.caiKhe().value())
			.param("kind", kind)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO training_participant (training_id, workforce_member_id) VALUES (:t, :m)")
			.param("t", training)
			.param("m", member)
			.update();
		return member;
	}

}
