package vn.trean.referrals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trean.IntegrationTest;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.directory.Sector;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A referral's clocks climb the cases' escalation ladder: the agency's focal point is
 * warned first, then its head and the case's officer, then the province; each alert once,
 * however often the pass runs; an answered clock stops.
 */
@IntegrationTest
class ReferralEscalationIntegrationTests extends ReferralFixture {

	@Autowired
	ReferralEscalation escalation;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void anUnansweredPoliceReferralWarnsTheFocalPointThenTheHeadAndOfficerThenTheProvinceOnce() {
		AgencyId police = agency("Công an phường Cái Khế", Sector.POLICE, TestUnits.CAI_KHE);
		String focal = testAccounts.create(Role.AGENCY_FOCAL_POINT, TestUnits.CAI_KHE, police, true);
		String head = testAccounts.create(Role.AGENCY_FOCAL_POINT, TestUnits.CAI_KHE, police, true);
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO);
		jdbc.sql("UPDATE agency SET head_user_id = (SELECT id FROM app_user WHERE username = :u) WHERE id = :id")
			.param("u", head)
			.param("id", police.value())
			.update();
		jdbc.sql("UPDATE protection_case SET assigned_officer_id = (SELECT id FROM app_user WHERE username = :u) "
				+ "WHERE id = :id")
			.param("u", officerName)
			.param("id", caseId.value())
			.update();
		consent("INVESTIGATION");
		ReferralId id = draft(police, "CRIME_INVESTIGATION");
		step(officer, id, "send", Map.of());
		Instant response = due(id, "RESPONSE");
		assertThat(Duration.between(sent(id), response)).isEqualTo(Duration.ofHours(12));
		assertThat(Duration.between(sent(id), due(id, "FORWARDING"))).isEqualTo(Duration.ofHours(24));

		escalation.run();
		assertThat(alerted(id, "RESPONSE")).as("due within a day: the focal points are warned")
			.containsOnly(focal + " due_soon", head + " due_soon");

		clock.travelTo(response.plus(Duration.ofMinutes(1)));
		escalation.run();
		escalation.run();
		assertThat(alerted(id, "RESPONSE")).contains(head + " overdue", officerName + " overdue")
			.doesNotContain(manager + " overdue")
			.doesNotHaveDuplicates();

		assertThat(officer.get("/cases/overdue").body()).contains(code(id),
				"Người đứng đầu cơ quan và cán bộ phụ trách vụ việc");

		clock.travelTo(response.plus(Duration.ofHours(25)));
		escalation.run();
		assertThat(alerted(id, "RESPONSE")).contains(manager + " province");
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE target_id = :id AND action = 'REFERRAL_DEADLINE_MISSED'")
			.param("id", id.toString())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anAcceptedReferralsAnswerClockStopsAndItsCompletionClockStartsFromTheAcceptance() {
		AgencyId school = agency("Trường Tiểu học Cái Khế", Sector.SCHOOL, TestUnits.CAI_KHE);
		consent("EDUCATION_SUPPORT");
		ReferralId id = draft(school, "SCHOOL_SUPPORT");
		step(officer, id, "send", Map.of());
		step(focalPoint(school, TestUnits.CAI_KHE), id, "accept", Map.of());

		clock.travelTo(Instant.now().plus(Duration.ofDays(3)));
		escalation.run();
		assertThat(alerted(id, "RESPONSE")).isEmpty();
		assertThat(jdbc
			.sql("SELECT met_at IS NOT NULL FROM referral_deadline WHERE referral_id = :id AND clock = 'RESPONSE'")
			.param("id", id.value())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(due(id, "COMPLETION")).isAfter(Instant.now().plus(Duration.ofDays(10)));
	}

	private Instant due(ReferralId id, String clockName) {
		return jdbc.sql("SELECT due_at FROM referral_deadline WHERE referral_id = :id AND clock = :c")
			.param("id", id.value())
			.param("c", clockName)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private String code(ReferralId id) {
		return jdbc.sql("SELECT reference_code FROM referral WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
	}

	private Instant sent(ReferralId id) {
		return jdbc.sql("SELECT sent_at FROM referral WHERE id = :id")
			.param("id", id.value())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	/** Who was told of the clock, and at which level, as "username level". */
	private List<String> alerted(ReferralId id, String clockName) {
		return jdbc.sql("""
				SELECT u.username || ' ' || substring(n.kind_key from 'notification.kind.(.*)') FROM notification n
				JOIN app_user u ON u.id = n.user_id
				WHERE n.link = :link AND n.step_key = :step""")
			.param("link", "/referrals/" + id)
			.param("step", "referral.clock." + clockName)
			.query(String.class)
			.list();
	}

}
