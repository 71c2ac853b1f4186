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
 * The police's side of a crime investigation over HTTP: the forwarding to the
 * investigation agency meets its 24-hour clock, interviews name a registered room and a
 * rostered investigator (whether child-friendly and trained is taken from the registers),
 * and the decision needs its detail; a withdrawn referral takes none of these.
 */
@IntegrationTest
class PoliceInvestigationIntegrationTests extends OutcomeFixture {

	@Test
	void thePoliceRecordTheForwardingAndInterviewsInARegisteredRoomByARosteredTrainedInvestigator() {
		AgencyId police = agency("Công an phường Cái Khế", Sector.POLICE, TestUnits.CAI_KHE);
		TestUserAgent focal = accepted(police, "INVESTIGATION", "CRIME_INVESTIGATION");
		ReferralId id = referralOf(police);
		String now = now();
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
				SELECT room_child_friendly AND investigator_trained FROM referral_interview WHERE referral_id = :id
				ORDER BY id LIMIT 1""").param("id", id.value()).query(Boolean.class).single()).isTrue();

		assertThat(
				step(focal, id, "interviews",
						Map.of("heldAt", now, "room", Long.toString(room(false)), "investigator",
								Long.toString(investigatorTrainedIn("CHILD_PROTECTION_SKILLS"))))
					.status())
			.isEqualTo(302);
		assertThat(jdbc.sql("""
				SELECT room_child_friendly OR investigator_trained FROM referral_interview WHERE referral_id = :id
				ORDER BY id DESC LIMIT 1""").param("id", id.value()).query(Boolean.class).single())
			.as("a room not child-friendly, an investigator trained in something else")
			.isFalse();

		TestUserAgent.Response unknownRoom = step(focal, id, "interviews",
				Map.of("heldAt", now, "room", "999999999", "investigator", Long.toString(investigator)));
		assertThat(unknownRoom.status()).isEqualTo(422);
		assertThat(unknownRoom.body()).contains("không có trong sổ đăng ký phòng lấy lời khai");
		assertThat(interviews(id)).isEqualTo(2);

		TestUserAgent.Response noReason = complete(focal, id, Map.of("report", "POLICE", "completedOn", TODAY,
				"forensicRequested", "true", "forensicDone", "false", "decision", "NOT_OPENED", "decidedOn", TODAY));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body()).contains("Ghi lý do không khởi tố.");
		assertThat(state(id)).isNotEqualTo("COMPLETED");

		assertThat(complete(focal, id, Map.of("report", "POLICE", "completedOn", TODAY, "forensicRequested", "true",
				"forensicDone", "true", "decision", "PROSECUTION_OPENED", "decidedOn", TODAY))
			.status()).isEqualTo(302);
		assertThat(completedEntry()).startsWith("Khởi tố vụ án").contains("lấy lời khai 2 lần");
		assertThat(officer.get("/referrals/" + id).body()).contains("Phòng thân thiện với trẻ em", "Mẹ của Mai");
	}

	@Test
	void aWithdrawnReferralTakesNoOutcomeForwardingOrInterview() {
		AgencyId police = agency("Công an phường An Hòa", Sector.POLICE, TestUnits.CAI_KHE);
		TestUserAgent focal = accepted(police, "INVESTIGATION", "CRIME_INVESTIGATION");
		ReferralId id = referralOf(police);
		assertThat(step(officer, id, "withdraw", Map.of("reason", "Gia đình chuyển đi")).status()).isEqualTo(302);
		String now = now();
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

}
