package vn.trean.directory;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static java.time.temporal.TemporalAdjusters.nextOrSame;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The working calendar through its pages and as the deadline computation sees it: edits,
 * their rules with translated messages, who may edit, the seeded holidays, and edits made
 * by another instance.
 */
@IntegrationTest
class WorkingCalendarIntegrationTests {

	/** Tests enter days only from here on, where nothing else counts deadlines. */
	private static final LocalDate TEST_YEARS = LocalDate.of(2090, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeTestDays() {
		// as another instance would: the rows and the revision in one statement each
		jdbc.sql("DELETE FROM calendar_day WHERE day >= ?").param(TEST_YEARS).update();
		jdbc.sql("UPDATE calendar_revision SET revision = nextval('calendar_revision_seq')").update();
	}

	@Test
	void administratorAddsAHolidayThatDeadlinesThenSkip() {
		LocalDate wednesday = LocalDate.of(2093, 3, 1).with(nextOrSame(DayOfWeek.WEDNESDAY));
		assertThat(calendar.current().isWorkingDay(wednesday)).isTrue();
		TestUserAgent admin = signedIn(Role.SYSTEM_ADMINISTRATOR, "92");
		admin.get("/calendar?year=2093");

		var added = admin.post("/calendar",
				Map.of("day", wednesday.toString(), "kind", "HOLIDAY", "name", "  Ngày nghỉ   kiểm thử "));

		assertThat(added.status()).isEqualTo(302);
		assertThat(added.location()).endsWith("/calendar?year=2093");
		var page = Jsoup.parse(admin.get("/calendar?year=2093").body());
		assertThat(page.text()).contains("Đã thêm ngày vào lịch.");
		Element row = page.getElementById("day-" + wednesday);
		assertThat(row).isNotNull();
		assertThat(row.text()).contains("Thứ Tư", "Ngày nghỉ kiểm thử");
		WorkingDays days = calendar.current();
		assertThat(days.isWorkingDay(wednesday)).isFalse();
		assertThat(days.plusWorkingDays(wednesday.minusDays(1), 1)).isEqualTo(wednesday.plusDays(1));
		assertThat(auditEntries("CALENDAR_DAY_ADDED", wednesday)).isEqualTo(1);
	}

	@Test
	void provincialManagerMovesAndThenRemovesADay() {
		LocalDate monday = LocalDate.of(2094, 5, 1).with(nextOrSame(DayOfWeek.MONDAY));
		LocalDate tuesday = monday.plusDays(1);
		TestUserAgent manager = signedIn(Role.PROVINCIAL_MANAGER, "92");
		manager.get("/calendar?year=2094");
		manager.post("/calendar", Map.of("day", monday.toString(), "kind", "HOLIDAY", "name", "Nghỉ bù kiểm thử"));
		assertThat(manager.get("/calendar/" + monday + "/edit").status()).isEqualTo(200);

		var moved = manager.post("/calendar/" + monday,
				Map.of("day", tuesday.toString(), "kind", "HOLIDAY", "name", "Nghỉ bù kiểm thử (dời)"));

		assertThat(moved.status()).isEqualTo(302);
		assertThat(calendar.current().isWorkingDay(monday)).isTrue();
		assertThat(calendar.current().isWorkingDay(tuesday)).isFalse();
		assertThat(nameOn(tuesday)).isEqualTo("Nghỉ bù kiểm thử (dời)");
		assertThat(auditEntries("CALENDAR_DAY_CHANGED", tuesday)).isEqualTo(1);

		manager.get("/calendar?year=2094");
		var removed = manager.post("/calendar/" + tuesday + "/remove", Map.of());

		assertThat(removed.status()).isEqualTo(302);
		assertThat(calendar.current().isWorkingDay(tuesday)).isTrue();
		assertThat(daysFrom(TEST_YEARS)).isZero();
		assertThat(auditEntries("CALENDAR_DAY_REMOVED", tuesday)).isEqualTo(1);
		assertThat(manager.get("/calendar/" + tuesday + "/edit").status()).isEqualTo(404);
	}

	@Test
	void aRefusedChangeIsShownAgainOnTheDaysEditPageAsTyped() {
		TestUserAgent admin = signedIn(Role.SYSTEM_ADMINISTRATOR, "92");
		LocalDate monday = LocalDate.of(2094, 3, 1).with(nextOrSame(DayOfWeek.MONDAY));
		admin.get("/calendar");
		admin.post("/calendar", form(monday.toString(), "HOLIDAY", "Ngày để sửa"));
		admin.get("/calendar/" + monday + "/edit");

		var refused = admin.post("/calendar/" + monday, form(monday.plusDays(1).toString(), "HOLIDAY", ""));

		assertThat(refused.status()).isEqualTo(422);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.getElementById("name-error").text()).isEqualTo("Trường này bắt buộc.");
		assertThat(page.getElementById("day").val()).isEqualTo(monday.plusDays(1).toString());
		assertThat(page.select("main form").first().attr("action")).endsWith("/calendar/" + monday);
		assertThat(nameOn(monday)).isEqualTo("Ngày để sửa");
	}

	@Test
	void missingNameIsRefusedNextToTheField() {
		assertRefused(form("2093-06-01", "HOLIDAY", ""), "name", "Trường này bắt buộc.");
	}

	@Test
	void impossibleDateIsRefusedNextToTheField() {
		assertRefused(form("2093-02-30", "HOLIDAY", "Ngày không có thật"), "day", "Ngày không hợp lệ.");
		assertRefused(form("30/01/2093", "HOLIDAY", "Sai định dạng"), "day", "Ngày không hợp lệ.");
	}

	@Test
	void missingDateIsRefusedNextToTheField() {
		assertRefused(form("", "HOLIDAY", "Không có ngày"), "day", "Trường này bắt buộc.");
	}

	@Test
	void megabyteNameIsRefusedAndNotSentBack() {
		var response = assertRefused(form("2093-06-01", "HOLIDAY", "a".repeat(1024 * 1024)), "name",
				"Nội dung quá dài.");
		assertThat(response.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
	}

	@Test
	void weekdayCannotBeASwappedWorkingDay() {
		LocalDate thursday = LocalDate.of(2093, 6, 1).with(nextOrSame(DayOfWeek.THURSDAY));
		assertRefused(form(thursday.toString(), "WORKING_DAY", "Làm bù sai"), "kind",
				"Chỉ thứ Bảy hoặc Chủ nhật mới có thể là ngày làm việc bù.");
	}

	@Test
	void dateAlreadyInTheCalendarIsRefused() {
		assertRefused(form("2026-02-17", "HOLIDAY", "Trùng mùng 1 Tết"), "day", "Ngày này đã có trong lịch.");
		assertThat(nameOn(LocalDate.of(2026, 2, 17))).isEqualTo("Tết Nguyên đán Bính Ngọ (mùng 1)");
	}

	@Test
	void yearOutsideTheCalendarIsRefused() {
		assertRefused(form("0226-02-17", "HOLIDAY", "Năm gõ nhầm"), "day",
				"Ngày phải trong khoảng từ năm 2000 đến năm 2099.");
	}

	@Test
	void communeOfficerMayNeitherSeeNorChangeTheCalendar() {
		TestUserAgent officer = signedIn(Role.COMMUNE_OFFICER, "31120");
		var home = officer.get("/");
		assertThat(Jsoup.parse(home.body()).select("a[href=/calendar]")).isEmpty();
		long before = daysFrom(LocalDate.of(2000, 1, 1));

		var list = officer.get("/calendar");
		var add = officer.post("/calendar", form("2093-06-01", "HOLIDAY", "Ngày nghỉ trái phép"));
		var remove = officer.post("/calendar/2026-02-17/remove", Map.of());
		var edit = officer.get("/calendar/2026-02-17/edit");

		assertThat(List.of(list.status(), add.status(), remove.status(), edit.status())).containsOnly(403);
		assertThat(list.body()).contains("Vai trò của bạn không cho phép việc này.");
		assertThat(daysFrom(LocalDate.of(2000, 1, 1))).isEqualTo(before);
	}

	@Test
	void administratorFindsTheCalendarInTheNavigation() {
		TestUserAgent admin = signedIn(Role.SYSTEM_ADMINISTRATOR, "92");
		assertThat(Jsoup.parse(admin.get("/").body()).select("nav a[href=/calendar]").text())
			.isEqualTo("Lịch ngày làm việc");
	}

	@Test
	void tetOf2026IsSeededAsOneBreak() {
		for (LocalDate day = LocalDate.of(2026, 2, 14); !day.isAfter(LocalDate.of(2026, 2, 22)); day = day
			.plusDays(1)) {
			assertThat(kindOn(day)).as(day.toString()).isEqualTo("HOLIDAY");
		}
		WorkingDays days = calendar.current();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 20))).isFalse();
		assertThat(days.plusWorkingDays(LocalDate.of(2026, 2, 12), 5)).isEqualTo(LocalDate.of(2026, 2, 26));
		TestUserAgent admin = signedIn(Role.SYSTEM_ADMINISTRATOR, "92");
		assertThat(admin.get("/calendar?year=2026").body()).contains("Tết Nguyên đán Bính Ngọ (mùng 1)");
	}

	@Test
	void seededSwapsAreWorkingDays() {
		assertThat(kindOn(LocalDate.of(2025, 4, 26))).isEqualTo("WORKING_DAY");
		assertThat(calendar.current().isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
		assertThat(calendar.current().isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
	}

	@Test
	void seededTetAndHungKingsDaysFollowTheLunarCalendar() {
		for (int year = 2025; year <= 2027; year++) {
			LocalDate newYear = VietnameseLunarCalendar.solar(1, 1, year);
			LocalDate hungKings = VietnameseLunarCalendar.solar(10, 3, year);
			assertThat(kindOn(newYear)).as("Tết %d", year).isEqualTo("HOLIDAY");
			assertThat(nameOn(newYear)).as("Tết %d", year).contains("Tết Nguyên đán", "(mùng 1)");
			assertThat(nameOn(hungKings)).as("Hùng Kings %d", year).startsWith("Giỗ Tổ Hùng Vương (10/3 âm lịch");
		}
	}

	@Test
	void seesAnEditMadeByAnotherInstance() {
		LocalDate friday = LocalDate.of(2095, 1, 1).with(nextOrSame(DayOfWeek.FRIDAY));
		assertThat(calendar.current().isWorkingDay(friday)).isTrue();

		jdbc.sql("""
				INSERT INTO calendar_day (day, kind, name, changed_by, changed_at)
				VALUES (?, 'HOLIDAY', 'Thêm từ máy chủ khác', 'other', now())""").param(friday).update();
		jdbc.sql("UPDATE calendar_revision SET revision = nextval('calendar_revision_seq')").update();

		assertThat(calendar.current().isWorkingDay(friday)).isFalse();
	}

	private TestUserAgent.Response assertRefused(Map<String, String> fields, String field, String message) {
		TestUserAgent admin = signedIn(Role.SYSTEM_ADMINISTRATOR, "92");
		admin.get("/calendar");
		long before = daysFrom(LocalDate.of(2000, 1, 1));

		var response = admin.post("/calendar", fields);

		assertThat(response.status()).isEqualTo(422);
		Element error = Jsoup.parse(response.body()).getElementById(field + "-error");
		assertThat(error).as("error next to %s", field).isNotNull();
		assertThat(error.text()).isEqualTo(message);
		assertThat(error.previousElementSibling().id()).isEqualTo(field);
		assertThat(Jsoup.parse(response.body()).select(".field-error")).hasSize(1);
		assertThat(daysFrom(LocalDate.of(2000, 1, 1))).isEqualTo(before);
		return response;
	}

	private static Map<String, String> form(String day, String kind, String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("day", day);
		form.put("kind", kind);
		form.put("name", name);
		return form;
	}

	private long daysFrom(LocalDate from) {
		return jdbc.sql("SELECT count(*) FROM calendar_day WHERE day >= ?").param(from).query(Long.class).single();
	}

	private String nameOn(LocalDate day) {
		return jdbc.sql("SELECT name FROM calendar_day WHERE day = ?").param(day).query(String.class).single();
	}

	private String kindOn(LocalDate day) {
		return jdbc.sql("SELECT kind FROM calendar_day WHERE day = ?").param(day).query(String.class).single();
	}

	private long auditEntries(String action, LocalDate day) {
		return jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target_type = 'CALENDAR_DAY'"
					+ " AND target_id = ?")
			.param(action)
			.param(day.toString())
			.query(Long.class)
			.single();
	}

	private TestUserAgent signedIn(Role role, String unitCode) {
		TestUserAgent agent = new TestUserAgent(port);
		var done = agent.signIn(testAccounts.create(role, unitCode));
		assertThat(done.location()).as("sign-in as %s", role).endsWith("/");
		return agent;
	}

}
