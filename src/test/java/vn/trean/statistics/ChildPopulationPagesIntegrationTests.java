package vn.trean.statistics;

import java.time.LocalDate;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The special-circumstances table and the child population it divides by, through the
 * real server: a missing figure says where it is entered (a link for the plan
 * administrator only), and once entered through that form the table shows the rate per
 * 100 children; the city without a figure of its own is not given a partial sum. Its
 * children live in Xã Vĩnh Hải (31795), in 2021.
 */
@IntegrationTest
class ChildPopulationPagesIntegrationTests {

	private static final String VINH_HAI = "31795";

	private static final String TABLE = "/statistics/tables/special-circumstances?period=2021&unit=";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	private UnitId vinhHai;

	@BeforeEach
	void children() {
		vinhHai = testUnits.id(VINH_HAI);
		if (jdbc.sql("SELECT count(*) FROM stat_circumstance WHERE unit_id = ?")
			.param(vinhHai.value())
			.query(Long.class)
			.single() == 0) {
			StatRows rows = new StatRows(jdbc);
			rows.inGroup(StatRows.newChild(), "DISABILITY", "RECORD", vinhHai, LocalDate.of(2021, 3, 1), null);
			rows.inGroup(StatRows.newChild(), "ABANDONED", "RECORD", vinhHai, LocalDate.of(2020, 3, 1), null);
		}
	}

	@Test
	void theMissingPopulationLinksThePlanAdministratorToItsFormAndOnceEnteredTheRatePer100IsShown() {
		TestUserAgent statistician = signedIn(Role.STATISTICIAN);
		Document figuresOnly = Jsoup.parse(statistician.get(TABLE + VINH_HAI).body());
		assertThat(figuresOnly.select("#no-population").text()).contains("Xã Vĩnh Hải", "2021",
				"Người quản trị kế hoạch hành động nhập số trẻ em");
		assertThat(figuresOnly.select("#enter-population")).isEmpty();

		TestUserAgent manager = signedIn(Role.PROVINCIAL_MANAGER);
		Document missing = Jsoup.parse(manager.get(TABLE + VINH_HAI).body());
		assertThat(missing.select("#no-population p").first().text()).isEqualTo(
				"Chưa nhập số trẻ em của Xã Vĩnh Hải cho năm 2021 (năm kết thúc của kỳ): chưa tính được tỷ lệ trên 100 trẻ em.");
		assertThat(rate(missing)).isEqualTo("–");
		String link = missing.select("#enter-population").attr("href");
		assertThat(link).matches("/plans/\\d+/population\\?unit=" + vinhHai.value() + "&year=2021");

		Document form = Jsoup.parse(manager.get(link).body());
		assertThat(form.select("#population-unit option[selected]").val()).isEqualTo(vinhHai.toString());
		var saved = manager.post(form.select("form[action$=/population]").attr("action"),
				Map.of("unit", vinhHai.toString(), "year", "2021", "value", "400"));
		assertThat(saved.status()).isEqualTo(302);

		Document rated = Jsoup.parse(manager.get(TABLE + VINH_HAI).body());
		assertThat(rated.select("#no-population")).isEmpty();
		assertThat(rated.select("#population-used").text()).contains("2021", "400");
		assertThat(rate(rated)).isEqualTo("0,5");
	}

	@Test
	void theCityWithoutItsOwnFigureIsNotGivenTheSumOfTheFewCommunesThatHaveOne() {
		Document city = Jsoup.parse(signedIn(Role.PROVINCIAL_MANAGER).get(TABLE + TestUnits.CAN_THO).body());

		assertThat(city.select("#no-population p").first().text())
			.startsWith("Chưa nhập số trẻ em của Thành phố Cần Thơ cho năm 2021 (năm kết thúc của kỳ), và ")
			.contains("xã, phường thuộc đơn vị chưa có số để cộng thay");
		assertThat(rate(city)).isEqualTo("–");
	}

	/** The rate per 100 children of the table's first row, all groups. */
	private static String rate(Document table) {
		Element total = table.select("#statistics-table tbody tr").first();
		return total.select("td").get(3).text();
	}

	private TestUserAgent signedIn(Role role) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(testAccounts.create(role, TestUnits.CAN_THO)).status()).isEqualTo(302);
		return agent;
	}

}
