package vn.trean.registers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.registers.RegisterForms.event;
import static vn.trean.registers.RegisterForms.manager;

/**
 * Counts typed into a register as people write them in the page's language: "1.200" in
 * Vietnamese, "1,200" in English; one that reads two ways is refused, nothing saved.
 */
@IntegrationTest
class TypedCountsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	private UnitId caiKhe;

	private String today;

	@BeforeEach
	void units() {
		caiKhe = testUnits.caiKhe();
		today = geography.today().toString();
	}

	@Test
	void readsTwelveHundredTypedWithAPointInVietnamese() {
		TestUserAgent agent = manager(port, testAccounts);

		var saved = agent.post("/registers/events", event(caiKhe, today, "1.200", ""));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(lastReach()).isEqualTo(1200);
	}

	@Test
	void readsTwelveHundredTypedWithACommaInEnglish() {
		TestUserAgent agent = manager(port, testAccounts);
		agent.get("/registers/events?lang=en");

		var saved = agent.post("/registers/events", event(caiKhe, today, "1,200", ""));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(lastReach()).isEqualTo(1200);
	}

	@Test
	void refusesACountWithADecimalCommaInVietnameseAndSavesNothing() {
		TestUserAgent agent = manager(port, testAccounts);
		long before = events();

		var refused = agent.post("/registers/events", event(caiKhe, today, "1,200", ""));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Hãy nhập một số nguyên, ví dụ 120 hoặc 1.200.");
		assertThat(events()).isEqualTo(before);
	}

	private int lastReach() {
		return jdbc.sql("SELECT reach FROM communication_event ORDER BY id DESC LIMIT 1").query(Integer.class).single();
	}

	private long events() {
		return jdbc.sql("SELECT count(*) FROM communication_event").query(Long.class).single();
	}

}
