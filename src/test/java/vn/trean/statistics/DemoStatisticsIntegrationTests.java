package vn.trean.statistics;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's case reaches the statistics' read model as demo data, its abused child and
 * referrals with it, so an installation can tell the demo's figures from real ones; a
 * case opened by anyone else is not demo data.
 */
@IntegrationTest
class DemoStatisticsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemosCaseItsAbusedChildAndItsReferralsAreCountedAsDemoData() {
		UUID demoCase = jdbc.sql("""
				SELECT DISTINCT r.case_id FROM referral r JOIN child c ON c.id = r.child_id
				WHERE r.demo AND c.full_name = '[DEMO] Trần Thị Mai'""").query(UUID.class).single();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> flags("SELECT demo FROM stat_case WHERE case_id = :case", demoCase), List.of(true)::equals);
		assertThat(flags("SELECT DISTINCT demo FROM stat_abused_child WHERE case_id = :case", demoCase))
			.containsExactly(true);
		assertThat(flags("SELECT DISTINCT demo FROM stat_referral WHERE case_id = :case", demoCase))
			.containsExactly(true);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM stat_case s JOIN protection_case p ON p.id = s.case_id
				WHERE s.demo <> p.demo""").query(Long.class).single()).isZero();
	}

	private List<Boolean> flags(String sql, UUID demoCase) {
		return jdbc.sql(sql).param("case", demoCase).query(Boolean.class).list();
	}

}
