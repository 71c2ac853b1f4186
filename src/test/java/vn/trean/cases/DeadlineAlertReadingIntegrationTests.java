package vn.trean.cases;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadline alert on "Vụ việc của tôi" links to the page that acts on its step, and
 * opening that page reads the alert, as opening the case page does.
 */
@IntegrationTest
class DeadlineAlertReadingIntegrationTests {

	/** The ward of this test: no other test reports there. */
	private static final String THOT_NOT = "31207";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestCases testCases;

	@Autowired
	Intake intake;

	@Autowired
	DeadlineEscalation escalation;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void openingTheStepPageAnAlertLinksToReadsTheAlert() {
		String chairName = testAccounts.create(Role.COMMUNE_CHAIR, THOT_NOT);
		CurrentUser chair = testCases.user(chairName);
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		CaseId id = testCases.caseOf(intake.record(operator,
				ReportDrafts.at(testUnits.id(THOT_NOT))
					.withChild("Lâm Thị Hoa", 7)
					.withHarm(HarmForm.VIOLENCE)
					.withDangerSigns(DangerSign.INJURIES_NEEDING_CARE)
					.build()));
		clock.travelTo(testCases.deadline(id, DeadlineStep.EMERGENCY_DECISION).dueAt().plus(Duration.ofMinutes(5)));
		escalation.run();
		clock.reset();
		assertThat(unread(chair, id)).as("the missed emergency decision alerts the chair").isPositive();
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(chairName).location()).endsWith("/");

		Element alert = Jsoup.parse(agent.get("/cases").body())
			.select("#alerts li a")
			.stream()
			.filter(a -> a.attr("href").startsWith("/cases/" + id))
			.findFirst()
			.orElseThrow();
		assertThat(alert.attr("href")).isEqualTo("/cases/" + id + "/forms/emergency-decision");
		assertThat(agent.get(alert.attr("href")).status()).isEqualTo(200);

		assertThat(unread(chair, id)).isZero();
		assertThat(Jsoup.parse(agent.get("/cases").body()).select("#alerts li a[href^=/cases/" + id + "]")).isEmpty();
	}

	private long unread(CurrentUser user, CaseId id) {
		return jdbc.sql("SELECT count(*) FROM case_alert WHERE user_id = ? AND case_id = ? AND read_at IS NULL")
			.param(user.id())
			.param(id.value())
			.query(Long.class)
			.single();
	}

}
