package vn.trean;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.identity.Actor;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency directory through its HTML forms: registering and changing agencies, the
 * field rules with their translated messages, escaping, jurisdiction and agency limits,
 * CSRF.
 */
@IntegrationTest
class DirectoryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	Accounts accounts;

	@Autowired
	Directory directory;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	private UnitId caiKhe;

	@BeforeEach
	void units() {
		caiKhe = testUnits.caiKhe();
	}

	@Test
	void communeOfficerRegistersAnAgencyInTheirWard() {
		TestUserAgent agent = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		agent.get("/directory/agencies/new");

		var created = agent.post("/directory/agencies", form("Trường THCS Kiểm Thử Cái Khế"));

		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).matches(".*/directory/agencies/\\d+");
		var page = agent.get(path(created.location()));
		assertThat(page.status()).isEqualTo(200);
		var html = Jsoup.parse(page.body());
		assertThat(html.selectFirst("h1").text()).isEqualTo("Trường THCS Kiểm Thử Cái Khế");
		assertThat(html.text()).contains("Phường Cái Khế", "0292 3820 111", "truong@example.vn", "Cô Lan",
				"Đã thêm cơ quan.");
		long id = Long.parseLong(created.location().replaceAll(".*/", ""));
		assertThat(jdbc.sql("SELECT unit_id FROM agency WHERE id = ?").param(id).query(Long.class).single())
			.isEqualTo(caiKhe.value());
	}

	@Test
	void blankNameIsRefusedNextToTheField() {
		assertRefused("name", "", "Trường này bắt buộc.");
	}

	@Test
	void unknownSectorIsRefusedNextToTheField() {
		assertRefused("sector", "NOT_A_SECTOR", "Trường này bắt buộc.");
	}

	@Test
	void overLongNameIsRefusedNextToTheField() {
		assertRefused("name", "T".repeat(201), "Nội dung quá dài.");
	}

	@Test
	void malformedEmailIsRefusedNextToTheField() {
		assertRefused("email", "khong-phai-thu@", "Địa chỉ thư điện tử không hợp lệ.");
	}

	@Test
	void malformedPhoneIsRefusedNextToTheField() {
		assertRefused("phone", "goi-cho-toi", "Số điện thoại không hợp lệ.");
	}

	@Test
	void markupInANameIsStoredAsTextAndShownEscaped() {
		TestUserAgent agent = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		agent.get("/directory/agencies/new");
		String name = "<script>alert(1)</script> Trạm kiểm thử";

		var created = agent.post("/directory/agencies", form(name));

		assertThat(created.status()).isEqualTo(302);
		long id = Long.parseLong(created.location().replaceAll(".*/", ""));
		assertThat(jdbc.sql("SELECT name FROM agency WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo(name);
		var page = agent.get("/directory/agencies/" + id);
		assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; Trạm kiểm thử")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void officerOfAnotherWardMayNotChangeTheAgency() {
		AgencyId agency = agencyInCaiKhe("Cơ sở ngoài địa bàn");
		TestUserAgent agent = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31135"));
		var page = agent.get("/directory/agencies/" + agency.value());
		assertThat(page.status()).isEqualTo(200);
		assertThat(Jsoup.parse(page.body()).select("a[href$=/edit]")).isEmpty();

		var edit = agent.get("/directory/agencies/" + agency.value() + "/edit");
		assertThat(edit.status()).isEqualTo(403);
		assertThat(edit.body()).contains("Bản ghi này nằm ngoài địa bàn của bạn.");
		var change = agent.post("/directory/agencies/" + agency.value(), form("Đổi tên trái phép"));

		assertThat(change.status()).isEqualTo(403);
		assertThat(nameOf(agency)).isEqualTo("Cơ sở ngoài địa bàn");
	}

	@Test
	void agencyFocalPointMayChangeOnlyTheirOwnAgency() {
		AgencyId own = agencyInCaiKhe("Cơ quan của đầu mối");
		AgencyId other = agencyInCaiKhe("Cơ quan khác cùng phường");
		TestUserAgent agent = signedIn(testAccounts.create(Role.AGENCY_FOCAL_POINT, "31120", own, true));

		assertThat(agent.get("/directory/agencies/" + own.value() + "/edit").status()).isEqualTo(200);
		var changed = agent.post("/directory/agencies/" + own.value(), form("Cơ quan của đầu mối (đã sửa)"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(nameOf(own)).isEqualTo("Cơ quan của đầu mối (đã sửa)");

		var edit = agent.get("/directory/agencies/" + other.value() + "/edit");
		assertThat(edit.status()).isEqualTo(403);
		assertThat(edit.body()).contains("Bản ghi này thuộc cơ quan khác.");
		var refused = agent.post("/directory/agencies/" + other.value(), form("Đổi tên cơ quan khác"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(nameOf(other)).isEqualTo("Cơ quan khác cùng phường");
	}

	@Test
	void postWithoutCsrfTokenIsRefusedAndChangesNothing() {
		AgencyId agency = agencyInCaiKhe("Cơ quan chống giả mạo");
		TestUserAgent agent = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		agent.get("/directory/agencies/" + agency.value() + "/edit");
		long before = agencyCount();

		var change = agent.postRaw("/directory/agencies/" + agency.value(), form("Đổi tên không có mã CSRF"));
		var create = agent.postRaw("/directory/agencies", form("Thêm mới không có mã CSRF"));

		assertThat(change.status()).isEqualTo(403);
		assertThat(create.status()).isEqualTo(403);
		assertThat(nameOf(agency)).isEqualTo("Cơ quan chống giả mạo");
		assertThat(agencyCount()).isEqualTo(before);
	}

	private void assertRefused(String field, String value, String message) {
		TestUserAgent agent = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		agent.get("/directory/agencies/new");
		Map<String, String> fields = form("Cơ quan hợp lệ " + field);
		fields.put(field, value);
		long before = agencyCount();

		var response = agent.post("/directory/agencies", fields);

		assertThat(response.status()).isEqualTo(422);
		Element error = Jsoup.parse(response.body()).getElementById(field + "-error");
		assertThat(error).as("error next to %s", field).isNotNull();
		assertThat(error.text()).isEqualTo(message);
		assertThat(error.previousElementSibling().id()).isEqualTo(field);
		assertThat(Jsoup.parse(response.body()).select(".field-error")).hasSize(1);
		assertThat(agencyCount()).isEqualTo(before);
	}

	private Map<String, String> form(String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("sector", Sector.SCHOOL.name());
		form.put("unit", Long.toString(caiKhe.value()));
		form.put("address", "12 Trần Văn Khéo");
		form.put("phone", "0292 3820 111");
		form.put("email", "truong@example.vn");
		form.put("contactPerson", "Cô Lan");
		return form;
	}

	private AgencyId agencyInCaiKhe(String name) {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(officer).query(Long.class).single();
		return directory.register(Actor.of(accounts.current(id).orElseThrow(), "127.0.0.1"),
				new Directory.AgencyDetails(name, Sector.HEALTH_FACILITY, caiKhe, null, null, null, null));
	}

	private String nameOf(AgencyId agency) {
		return jdbc.sql("SELECT name FROM agency WHERE id = ?").param(agency.value()).query(String.class).single();
	}

	private long agencyCount() {
		return jdbc.sql("SELECT count(*) FROM agency").query(Long.class).single();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		var done = agent.signIn(username);
		assertThat(done.location()).as("sign-in of %s", username).endsWith("/");
		return agent;
	}

	private static String path(String location) {
		return location.replaceFirst("^https?://[^/]+", "");
	}

}
