package vn.trean.registers;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import static vn.trean.registers.RegisterForms.facility;
import static vn.trean.registers.RegisterForms.manager;
import static vn.trean.registers.RegisterForms.member;
import static vn.trean.registers.RegisterForms.room;
import static vn.trean.registers.RegisterForms.training;

/**
 * How the register pages refuse what cannot be: an address whose id cannot be a record's
 * is not found (never a server error), a field too long, with markup or missing is a
 * translated 422 on its field with nothing saved, and a change from a page read before
 * someone else's is a 409 that shows what is stored now.
 */
@IntegrationTest
class RegisterRefusalsIntegrationTests {

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
	void aMalformedIdInAnAddressIsNotFound() {
		TestUserAgent agent = manager(port, testAccounts);
		long room = addRoom(agent, "Phòng có địa chỉ đúng");

		for (String id : List.of("abc", "1x", "-1", "99999999999999999999", "%20")) {
			for (String path : List.of("/registers/rooms/" + id + "/edit", "/registers/workforce/" + id + "/delete",
					"/registers/trainings/" + id + "/edit", "/registers/events/" + id + "/edit",
					"/registers/facilities/" + id + "/checks/new",
					"/registers/facilities/" + id + "/checks/" + id + "/edit")) {
				assertThat(agent.get(path).status()).as(path).isEqualTo(404);
			}
			assertThat(agent.post("/registers/rooms/" + id + "/delete", Map.of("version", "0")).status()).as(id)
				.isEqualTo(404);
			assertThat(agent.post("/registers/facilities/" + id + "/checks", Map.of("checkedOn", today)).status())
				.as(id)
				.isEqualTo(404);
		}
		assertThat(agent.get("/registers/rooms/" + room + "/edit").status()).isEqualTo(200);
		assertThat(roomRow(room)).isEqualTo("Phòng có địa chỉ đúng 0");
	}

	@Test
	void aFieldTooLongWithMarkupOrMissingIsRefusedOnItsFieldAndNothingSaved() {
		TestUserAgent agent = manager(port, testAccounts);
		long members = rows("workforce_member");
		long rooms = rows("interview_room");

		var tooLong = agent.post("/registers/workforce",
				member(caiKhe, "Nguyễn ".repeat(40), "COLLABORATOR", "FEMALE"));
		assertRefused(tooLong, "fullName", "Nội dung quá dài.");
		assertThat(Jsoup.parse(tooLong.body()).select("#fullName").val()).startsWith("Nguyễn Nguyễn");

		var markup = agent.post("/registers/rooms", room(caiKhe, "Phòng <b>đẹp</b>", "true"));
		assertRefused(markup, "name", "Không được chứa thẻ HTML");

		Map<String, String> noName = member(caiKhe, "  ", "COLLABORATOR", "FEMALE");
		assertRefused(agent.post("/registers/workforce", noName), "fullName", "Trường này bắt buộc.");
		Map<String, String> noSex = member(caiKhe, "Trần Thị Thiếu", "COLLABORATOR", "");
		assertRefused(agent.post("/registers/workforce", noSex), "sex", "Trường này bắt buộc.");
		Map<String, String> unknownRole = member(caiKhe, "Trần Thị Lạ", "ASTRONAUT", "FEMALE");
		assertRefused(agent.post("/registers/workforce", unknownRole), "role", "Giá trị không hợp lệ.");

		assertThat(rows("workforce_member")).isEqualTo(members);
		assertThat(rows("interview_room")).isEqualTo(rooms);

		agent.get("/registers/rooms?lang=en");
		var english = agent.post("/registers/rooms", room(caiKhe, "Phòng <b>đẹp</b>", "true"));
		assertThat(english.status()).isEqualTo(422);
		assertThat(Jsoup.parse(english.body()).select("#name-error").text()).isNotBlank()
			.isNotEqualTo(Jsoup.parse(markup.body()).select("#name-error").text());
	}

	@Test
	void aRefusedTrainingIsShownAgainForItsUnitAsTyped() {
		TestUserAgent agent = manager(port, testAccounts);
		agent.get("/registers/trainings/new?unit=" + caiKhe);
		List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(
				training(caiKhe, today, List.of(), Map.of("count-VOLUNTEER-MALE", "4")));
		fields.replaceAll(e -> e.getKey().equals("topic") ? Map.entry("topic", "x".repeat(301)) : e);

		var tooLong = agent.post("/registers/trainings", fields);

		assertRefused(tooLong, "topic", "Nội dung quá dài.");
		Document html = Jsoup.parse(tooLong.body());
		assertThat(html.select("input[name=unit]").val()).isEqualTo(caiKhe.toString());
		assertThat(html.select("#organiser").val()).isEqualTo("Sở Y tế thành phố Cần Thơ");

		String tomorrow = geography.today().plusDays(1).toString();
		var future = agent.post("/registers/trainings",
				training(caiKhe, tomorrow, List.of(), Map.of("count-VOLUNTEER-MALE", "4")));
		assertRefused(future, "heldOn", "Ngày này chưa đến.");
		assertThat(Jsoup.parse(future.body()).select("input[name=unit]").val()).isEqualTo(caiKhe.toString());
	}

	@Test
	void aStaleChangeIsAConflictShowingWhatIsStoredNow() {
		TestUserAgent agent = manager(port, testAccounts);
		agent.get("/registers/events");
		assertThat(agent.post("/registers/events", event(caiKhe, today, "40", "")).status()).isEqualTo(302);
		long event = newest("communication_event");
		agent.get("/registers/facilities");
		assertThat(agent
			.post("/registers/facilities",
					facility(caiKhe, "SCHOOL", "Trường cũ", today, List.of("PREVENTION_SESSION")))
			.status()).isEqualTo(302);
		long school = newest("facility");
		long check = jdbc.sql("SELECT id FROM facility_check WHERE facility_id = ?")
			.param(school)
			.query(Long.class)
			.single();

		Map<String, String> changed = event(caiKhe, today, "55", "");
		changed.put("version", "3");
		var staleEvent = agent.post("/registers/events/" + event, changed);
		assertConflict(staleEvent, "#version-error", "Bản ghi vừa được người khác sửa hoặc xoá");
		assertThat(Jsoup.parse(staleEvent.body()).select("#reach").val()).as("what is stored now").isEqualTo("40");

		var staleCheck = agent.post("/registers/facilities/" + school + "/checks/" + check,
				List.of(Map.entry("version", "1"), Map.entry("checkedOn", today)));
		assertConflict(staleCheck, "#version-error", "Bản ghi vừa được người khác sửa hoặc xoá");
		var staleDeletion = agent.post("/registers/facilities/" + school + "/delete", Map.of("version", "x"));
		assertConflict(staleDeletion, "#version-error", "Bản ghi vừa được người khác sửa hoặc xoá");

		assertThat(jdbc.sql("SELECT reach || ' ' || version FROM communication_event WHERE id = ?")
			.param(event)
			.query(String.class)
			.single()).isEqualTo("40 0");
		assertThat(jdbc.sql("SELECT prevention_session || ' ' || version FROM facility_check WHERE id = ?")
			.param(check)
			.query(String.class)
			.single()).isEqualTo("true 0");
		assertThat(jdbc.sql("SELECT count(*) FROM facility WHERE id = ?").param(school).query(Long.class).single())
			.isEqualTo(1);
	}

	// ---- helpers ----

	private static void assertRefused(TestUserAgent.Response response, String field, String message) {
		assertThat(response.status()).as("status").isEqualTo(422);
		Document html = Jsoup.parse(response.body());
		assertThat(html.select("#" + field + "-error").text()).as(field).contains(message);
		assertThat(html.select(".alert").text()).contains("Chưa lưu được");
	}

	private static void assertConflict(TestUserAgent.Response response, String selector, String message) {
		assertThat(response.status()).as("status").isEqualTo(409);
		assertThat(Jsoup.parse(response.body()).select(selector).text()).startsWith(message);
	}

	private long addRoom(TestUserAgent agent, String name) {
		agent.get("/registers/rooms");
		assertThat(agent.post("/registers/rooms", room(caiKhe, name, "true")).status()).isEqualTo(302);
		return newest("interview_room");
	}

	private long newest(String table) {
		return jdbc.sql("SELECT max(id) FROM " + table).query(Long.class).single();
	}

	private long rows(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private String roomRow(long room) {
		return jdbc.sql("SELECT name || ' ' || version FROM interview_room WHERE id = ?")
			.param(room)
			.query(String.class)
			.single();
	}

}
