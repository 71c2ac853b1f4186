package vn.trean.intake;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Accounts;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports in the work queue: a report about a place outside the province waits on the
 * start page of the province's managers for its transfer, naming the child and linking to
 * the report; a manager of another province does not see it.
 */
@IntegrationTest
class ReportWorkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Intake intake;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReportToTransferWaitsForTheProvincialManagerOfTheProvinceOnly() {
		long operatorId = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.param(testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO))
			.query(Long.class)
			.single();
		ReportReceipt receipt = intake.record(accounts.current(operatorId).orElseThrow(),
				ReportDrafts.at(testUnits.id("01"))
					.withChild("Văn Thị Mỹ Duyên", 11)
					.withHarm(HarmForm.NEGLECT)
					.withAccount("Trẻ bị bỏ rơi.")
					.build());
		String link = "/intake/reports/" + receipt.id().value();

		Element item = item(signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO)), link);
		assertThat(item).isNotNull();
		assertThat(item.text()).contains("Chuyển thông báo về cấp xã nơi xảy ra", "Văn Thị Mỹ Duyên");

		assertThat(item(signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "01")), link)).isNull();
	}

	private Element item(TestUserAgent agent, String link) {
		Element a = Jsoup.parse(agent.get("/").body()).selectFirst("#work-queue a[href=" + link + "]");
		return a == null ? null : a.closest("li");
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

}
