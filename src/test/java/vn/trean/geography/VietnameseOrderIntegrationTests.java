package vn.trean.geography;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.children.Child;
import vn.trean.children.ChildDetails;
import vn.trean.children.ChildRegistry;
import vn.trean.children.Sex;
import vn.trean.directory.Agency;
import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.shared.VietnameseText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names are listed in the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ …), not in
 * Unicode order, which puts every Đ-, Ô- and Ơ- name after Y: in SQL by the database's
 * {@code vietnamese} collation, in Java by {@link VietnameseText#ORDER}, and the two
 * agree.
 */
@IntegrationTest
class VietnameseOrderIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Geography geography;

	@Autowired
	Directory directory;

	@Autowired
	Accounts accounts;

	@Autowired
	ChildRegistry children;

	@Test
	void thePublicFormListsCanThosWardsAndCommunesInVietnameseOrder() {
		var page = new TestUserAgent(port).get("/report");

		assertThat(page.status()).isEqualTo(200);
		List<String> communes = optionTexts(page.body(), "placeUnit");
		assertThat(communes).containsSubsequence("Phường Cái Răng", "Phường Đại Thành", "Phường Hưng Phú",
				"Phường Ninh Kiều", "Phường Ô Môn", "Phường Phú Lợi", "Phường Vĩnh Phước", "Xã An Lạc Thôn",
				"Xã Cù Lao Dung", "Xã Đại Hải", "Xã Đông Thuận", "Xã Gia Hòa", "Xã Phong Điền", "Xã Xà Phiên");
	}

	@Test
	void theGeographyPageListsTheCommunesUnderCanThoInVietnameseOrder() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		long canTho = testUnits.unit("92", LocalDate.of(2025, 7, 1)).id().value();

		var page = officer.get("/geography/units/" + canTho);

		assertThat(page.status()).isEqualTo(200);
		List<Integer> positions = Stream
			.of("Phường Ninh Kiều", "Phường Ô Môn", "Phường Phú Lợi", "Xã Cù Lao Dung", "Xã Đông Hiệp", "Xã Gia Hòa")
			.map(page.body()::indexOf)
			.toList();
		assertThat(positions).allMatch(at -> at > 0).isSorted();
	}

	@Test
	void theReportFormListsThePlacesOfTheProvinceByNameInVietnameseOrder() {
		TestUserAgent operator = signedIn(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));

		var page = operator.get("/intake/reports/new");

		assertThat(page.status()).isEqualTo(200);
		List<String> places = optionTexts(page.body(), "placeUnit");
		assertThat(places).containsSubsequence("Phường An Bình", "Xã Cù Lao Dung", "Xã Đại Hải", "Phường Đại Thành",
				"Xã Đông Thuận", "Xã Gia Hòa", "Phường Ninh Kiều", "Phường Ô Môn", "Xã Phong Điền", "Xã Xà Phiên");
	}

	@Test
	void theDirectoryListsAgenciesInVietnameseOrder() {
		CurrentUser officer = user(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		String marker = Long.toString(System.nanoTime() % 1_000_000_000L);
		for (String place : List.of("Phong Điền", "Ô Môn", "Đông Hiệp", "An Bình", "Ơn Thành")) {
			directory.register(Actor.of(officer, "127.0.0.1"),
					new Directory.AgencyDetails("Trạm y tế " + place + " " + marker, Sector.HEALTH_FACILITY,
							testUnits.caiKhe(), null, null, null, null));
		}

		List<Agency> found = directory.search(officer, null, marker);

		assertThat(found).extracting(Agency::name)
			.containsExactly("Trạm y tế An Bình " + marker, "Trạm y tế Đông Hiệp " + marker,
					"Trạm y tế Ô Môn " + marker, "Trạm y tế Ơn Thành " + marker, "Trạm y tế Phong Điền " + marker);
	}

	@Test
	void aSearchOfTheChildRegistryListsChildrenInVietnameseOrder() {
		String marker = "Lưu" + (System.nanoTime() % 100000);
		for (String given : List.of("Ơn", "Yến", "Đức", "Ân", "Dũng", "Ôn")) {
			children.register(new ChildDetails(marker + " " + given, Sex.FEMALE, LocalDate.of(2016, 1, 1), null, null,
					testUnits.caiKhe(), null, null, null), false);
		}

		List<Child> found = children.searchByName(marker, geography.unitsWithin(testUnits.canTho()), 10);

		assertThat(found).extracting(c -> c.fullName().substring(marker.length() + 1))
			.containsExactly("Ân", "Dũng", "Đức", "Ôn", "Ơn", "Yến");
	}

	@Test
	void javaAndTheDatabaseOrderEveryUnitNameAlike() {
		List<String> names = new ArrayList<>(jdbc
			.sql("SELECT DISTINCT n FROM (SELECT name AS n FROM administrative_unit "
					+ "UNION SELECT full_name FROM administrative_unit) AS u")
			.query(String.class)
			.list());
		names.addAll(List.of("An Phú", "Anh", "Phú Tân", "Phúc Thọ", "Tân An", "Tân-An", "Tân Bình", "Hòa", "Hoà",
				"hòa", "Ha", "Hà", "Hả", "Hã", "Há", "Hạ", "Xã 2", "Xã 10"));
		List<String> byDatabase = jdbc
			.sql("SELECT n FROM unnest(CAST(:names AS text[])) AS n ORDER BY n COLLATE vietnamese")
			.param("names", names.toArray(String[]::new))
			.query(String.class)
			.list();

		List<String> byJava = names.stream().sorted(VietnameseText.ORDER).toList();

		assertThat(byDatabase).hasSizeGreaterThan(500).contains("Phường Ô Môn", "Xã Đông Hiệp");
		assertThat(byJava).containsExactlyElementsOf(byDatabase);
	}

	private static List<String> optionTexts(String html, String select) {
		return Jsoup.parse(html)
			.select("select#" + select + " option[value~=\\d+]")
			.stream()
			.map(Element::text)
			.toList();
	}

	private CurrentUser user(String username) {
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
		return accounts.current(id).orElseThrow();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).location()).as("sign-in of %s", username).endsWith("/");
		return agent;
	}

}
