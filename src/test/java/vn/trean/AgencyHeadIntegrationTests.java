package vn.trean;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency's head, whom its referrals' clocks escalate to after its focal points: named
 * by those who may change the agency, among the agency's own accounts, audited; anyone
 * else, or a value that names no account, is refused and nothing changes.
 */
@IntegrationTest
class AgencyHeadIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Accounts accounts;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOfficerNamesTheHeadAmongTheAgencysAccountsAndCanNameNoneAgain() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		AgencyId agency = agency(officer, "Trạm y tế phường Cái Khế");
		String head = testAccounts.create(Role.AGENCY_FOCAL_POINT, TestUnits.CAI_KHE, agency, true);
		TestUserAgent agent = signedIn(officer);
		Document page = Jsoup.parse(agent.get("/directory/agencies/" + agency.value()).body());
		assertThat(page.select("#head option").eachText()).contains("Người kiểm thử AGENCY_FOCAL_POINT").hasSize(2);

		var saved = agent.post("/directory/agencies/" + agency.value() + "/head", Map.of("head", "" + id(head)));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(directory.headOf(agency)).contains(id(head));
		Document shown = Jsoup.parse(agent.get("/directory/agencies/" + agency.value()).body());
		assertThat(shown.getElementById("agency-head").text()).isEqualTo("Người kiểm thử AGENCY_FOCAL_POINT");
		assertThat(shown.select("#head option[selected]").val()).isEqualTo("" + id(head));
		assertThat(audited(agency)).isEqualTo(1);

		agent.post("/directory/agencies/" + agency.value() + "/head", Map.of("head", ""));
		assertThat(directory.headOf(agency)).isEmpty();
		assertThat(Jsoup.parse(agent.get("/directory/agencies/" + agency.value()).body())
			.getElementById("agency-head")
			.text()).isEqualTo("Chưa chỉ định");
	}

	@Test
	void someoneOutsideTheAgencyOrNoAccountAtAllIsRefusedByTheChoiceAndNothingChanges() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		AgencyId agency = agency(officer, "Trường tiểu học Cái Khế");
		AgencyId other = agency(officer, "Trường trung học cơ sở Cái Khế");
		String outsider = testAccounts.create(Role.AGENCY_FOCAL_POINT, TestUnits.CAI_KHE, other, true);
		TestUserAgent agent = signedIn(officer);
		agent.get("/directory/agencies/" + agency.value());

		for (String value : new String[] { "" + id(outsider), "99999999999", "abc" }) {
			var refused = agent.post("/directory/agencies/" + agency.value() + "/head", Map.of("head", value));
			assertThat(refused.status()).as(value).isEqualTo(422);
			Document page = Jsoup.parse(refused.body());
			assertThat(page.getElementById("head-error")).as(value).isNotNull();
			assertThat(page.getElementById("head").attr("aria-invalid")).isEqualTo("true");
		}
		assertThat(directory.headOf(agency)).isEmpty();
		assertThat(audited(agency)).isZero();

		TestUserAgent elsewhere = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31135"));
		elsewhere.get("/directory/agencies/" + agency.value());
		assertThat(elsewhere.post("/directory/agencies/" + agency.value() + "/head", Map.of("head", "")).status())
			.isEqualTo(403);
		assertThat(Jsoup.parse(elsewhere.get("/directory/agencies/" + agency.value()).body()).select("#head-form"))
			.isEmpty();
	}

	private AgencyId agency(String officer, String name) {
		return directory.register(Actor.of(accounts.current(id(officer)).orElseThrow(), "127.0.0.1"),
				new Directory.AgencyDetails(name, Sector.HEALTH_FACILITY, testUnits.caiKhe(), null, null, null, null));
	}

	private long id(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
	}

	private long audited(AgencyId agency) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'AGENCY_HEAD_APPOINTED' AND target_id = ?")
			.param(String.valueOf(agency.value()))
			.query(Long.class)
			.single();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).location()).endsWith("/");
		return agent;
	}

}
