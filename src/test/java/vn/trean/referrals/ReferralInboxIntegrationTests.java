package vn.trean.referrals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.directory.Sector;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency's inbox over more than a page: the open referrals first, the nearest clock
 * first, then the answered, completed and withdrawn ones, the latest sent first; never a
 * draft; the second page goes on where the first stopped.
 */
@IntegrationTest
class ReferralInboxIntegrationTests extends ReferralFixture {

	private static final Pattern CODE = Pattern.compile("data-code=\"([^\"]+)\"");

	@Test
	void openReferralsComeFirstByNearestClockThenTheRestLatestSentFirstAcrossPages() {
		AgencyId school = agency("Trường Tiểu học Cái Khế", Sector.SCHOOL, TestUnits.CAI_KHE);
		consent("EDUCATION_SUPPORT");
		long consent = jdbc.sql("SELECT id FROM referral_consent WHERE case_id = :c")
			.param("c", caseId.value())
			.query(Long.class)
			.single();
		String prefix = "CG-T" + UUID.randomUUID().toString().substring(0, 6) + "-";
		Instant now = Instant.now();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(7));
		for (int i : order) {
			// 0-29 open, due i hours from now, sent long ago in the opposite order;
			// 30-59 answered or done, sent i hours ago; 60-63 drafts
			String state = i < 30 ? List.of("SENT", "ACCEPTED", "IN_PROGRESS").get(i % 3)
					: i < 60 ? List.of("COMPLETED", "DECLINED", "WITHDRAWN").get(i % 3) : "DRAFT";
			Instant sent = i < 30 ? now.minus(Duration.ofDays(40 - i)) : now.minus(Duration.ofHours(i));
			insert(school, prefix + String.format("%02d", i), state, i < 60 ? sent : null,
					i < 30 ? now.plus(Duration.ofHours(i)) : null, state.equals("DRAFT") ? null : consent);
		}
		TestUserAgent focal = focalPoint(school, TestUnits.CAI_KHE);

		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			expected.add(prefix + String.format("%02d", i));
		}
		assertThat(codes(focal.get("/referrals/inbox").body())).containsExactlyElementsOf(expected.subList(0, 50));
		assertThat(codes(focal.get("/referrals/inbox?page=1").body()))
			.containsExactlyElementsOf(expected.subList(50, 60));
	}

	private void insert(AgencyId agency, String code, String state, Instant sent, Instant due, Long consent) {
		long unit = testUnits.id(TestUnits.CAI_KHE).value();
		jdbc.sql("""
				INSERT INTO referral (id, reference_code, case_id, child_id, unit_id, agency_id, agency_unit_id, sector,
				  purpose, state, sent_consent_id, created_by, created_at, sent_at, next_due_at, next_due_clock)
				VALUES (:id, :code, :case, :child, :unit, :agency, :unit, 'SCHOOL', 'EDUCATION_SUPPORT', :state,
				  :consent, (SELECT id FROM app_user WHERE username = :officer), now(), :sent, :due,
				  CASE WHEN :state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS') THEN 'RESPONSE' END)""")
			.param("id", UUID.randomUUID())
			.param("code", code)
			.param("case", caseId.value())
			.param("child", child)
			.param("unit", unit)
			.param("agency", agency.value())
			.param("state", state)
			.param("consent", consent)
			.param("officer", officerName)
			.param("sent", sent == null ? null : Timestamp.from(sent))
			.param("due", due == null ? null : Timestamp.from(due))
			.update();
	}

	private static List<String> codes(String page) {
		List<String> codes = new ArrayList<>();
		Matcher m = CODE.matcher(page);
		while (m.find()) {
			codes.add(m.group(1));
		}
		return codes;
	}

}
