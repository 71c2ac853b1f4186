package vn.trean.registers;

import java.time.LocalDate;
import java.util.ArrayList;
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
import vn.trean.identity.Role;
import vn.trean.registers.RegisterCounts.Count;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.registers.RegisterForms.event;
import static vn.trean.registers.RegisterForms.manager;
import static vn.trean.registers.RegisterForms.signedIn;
import static vn.trean.registers.RegisterForms.facility;
import static vn.trean.registers.RegisterForms.member;
import static vn.trean.registers.RegisterForms.room;
import static vn.trean.registers.RegisterForms.training;

/**
 * Correcting and deleting register records through their pages: an edit is checked like
 * an entry and the counts follow it, a stale edit or deletion is refused (409), a
 * deletion needs a confirmation posted, a workforce member a training lists is not
 * deleted, and a commune's records are out of reach of another commune's officer.
 */
@IntegrationTest
class RegisterRecordsIntegrationTests {

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

	@Autowired
	RegisterCounts counts;

	@Autowired
	javax.sql.DataSource dataSource;

	private UnitId caiKhe;

	private UnitId ninhKieu;

	private int year;

	private String today;

	@BeforeEach
	void units() {
		caiKhe = testUnits.caiKhe();
		ninhKieu = testUnits.ninhKieu();
		year = geography.today().getYear();
		today = geography.today().toString();
	}

	// ---- editing ----

	@Test
	void reporterCorrectsAMemberAndTheCountsFollow() {
		String reporter = testAccounts.create(Role.PLAN_REPORTER, "31120");
		TestUserAgent agent = signedIn(port, reporter);
		long member = addMember(agent, caiKhe, "Trần Văn Sửa", "COLLABORATOR", "MALE");
		var before = counts.counts(caiKhe, year);

		Document list = Jsoup.parse(agent.get("/registers/workforce").body());
		assertThat(list.select("a[href=/registers/workforce/" + member + "/edit]").attr("aria-label"))
			.isEqualTo("Sửa: Trần Văn Sửa");
		Document form = Jsoup.parse(agent.get("/registers/workforce/" + member + "/edit").body());
		assertThat(form.select("h1").text()).isEqualTo("Sửa thông tin người làm công tác bảo vệ trẻ em");
		assertThat(form.select("#fullName").val()).isEqualTo("Trần Văn Sửa");
		assertThat(form.select("#sex-MALE").hasAttr("checked")).isTrue();
		assertThat(form.select("#role option[selected]").val()).isEqualTo("COLLABORATOR");
		assertThat(form.select("form#record input[name=version]").val()).isEqualTo("0");
		assertThat(form.select("label[for]"))
			.allSatisfy(label -> assertThat(form.getElementById(label.attr("for"))).isNotNull());

		Map<String, String> changed = member(caiKhe, "Trần Văn Sửa", "POLICE_INVESTIGATOR", "MALE");
		changed.put("version", "0");
		var saved = agent.post("/registers/workforce/" + member, changed);

		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/registers/workforce");
		assertThat(Jsoup.parse(agent.get("/registers/workforce").body()).text()).contains("Đã sửa bản ghi");
		assertThat(jdbc.sql("SELECT role || ' ' || version FROM workforce_member WHERE id = ?")
			.param(member)
			.query(String.class)
			.single()).isEqualTo("POLICE_INVESTIGATOR 1");
		var after = counts.counts(caiKhe, year);
		assertThat(after.get(Count.WORKFORCE) - before.get(Count.WORKFORCE)).isEqualTo(-1);
		assertThat(after.get(Count.INVESTIGATORS) - before.get(Count.INVESTIGATORS)).isEqualTo(1);
		assertThat(audit(reporter, "WORKFORCE_MEMBER_CHANGED")).singleElement()
			.asString()
			.contains("role=COLLABORATOR->POLICE_INVESTIGATOR")
			.doesNotContain("Sửa");
	}

	@Test
	void badCorrectionIsRefusedLikeABadEntryAndNothingChanges() {
		TestUserAgent agent = manager(port, testAccounts);
		long event = addEvent(agent, "40", "HGD-SUA-" + System.nanoTime());

		agent.get("/registers/events/" + event + "/edit");
		Map<String, String> form = event(caiKhe, today, "-5", "");
		form.put("version", "0");
		var refused = agent.post("/registers/events/" + event, form);

		assertThat(refused.status()).isEqualTo(422);
		Document html = Jsoup.parse(refused.body());
		assertThat(html.select("#reach-error").text()).isEqualTo("Số lượng không được âm.");
		assertThat(html.select("#reach").attr("aria-describedby")).isEqualTo("reach-error");
		assertThat(html.select(".alert").text()).contains("Chưa lưu được");
		assertThat(jdbc.sql("SELECT reach || ' ' || version FROM communication_event WHERE id = ?")
			.param(event)
			.query(String.class)
			.single()).isEqualTo("40 0");
		assertThat(jdbc.sql("SELECT count(*) FROM communication_event_household WHERE event_id = ?")
			.param(event)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void correctedEventReplacesItsHouseholdsAndTheCountFollows() {
		TestUserAgent agent = manager(port, testAccounts);
		String a = "HGD-" + System.nanoTime();
		long event = addEvent(agent, "40", a + "\n" + a + "-B");
		var before = counts.counts(caiKhe, year);

		Document list = Jsoup.parse(agent.get("/registers/events").body());
		assertThat(list.select("a[href=/registers/events/" + event + "/delete]").attr("aria-label"))
			.startsWith("Xoá: Họp cha mẹ học sinh, ");
		Document form = Jsoup.parse(agent.get("/registers/events/" + event + "/edit").body());
		assertThat(form.select("textarea#households").text()).contains(a, a + "-B");
		Map<String, String> changed = event(caiKhe, today, "41", a + "\n" + a + "-C\n" + a + "-D");
		changed.put("version", "0");
		assertThat(agent.post("/registers/events/" + event, changed).status()).isEqualTo(302);

		var after = counts.counts(caiKhe, year);
		assertThat(after.get(Count.HOUSEHOLDS_REACHED) - before.get(Count.HOUSEHOLDS_REACHED)).isEqualTo(1);
		assertThat(counts.trace(caiKhe, year, Count.HOUSEHOLDS_REACHED)).extracting(RegisterCounts.TracedRecord::label)
			.contains(a, a + "-C", a + "-D")
			.doesNotContain(a + "-B");
	}

	@Test
	void staleEditIsRefusedWithAConflictAndTheOtherChangeStays() {
		TestUserAgent one = manager(port, testAccounts);
		TestUserAgent other = manager(port, testAccounts);
		long room = addRoom(one, "Phòng hai người sửa", "true");
		Document opened = Jsoup.parse(one.get("/registers/rooms/" + room + "/edit").body());
		String version = opened.select("form#record input[name=version]").val();
		other.get("/registers/rooms/" + room + "/edit");
		assertThat(other
			.post("/registers/rooms/" + room, versioned(room(caiKhe, "Phòng do người kia sửa", "true"), version))
			.status()).isEqualTo(302);

		var stale = one.post("/registers/rooms/" + room, versioned(room(caiKhe, "Phòng sửa sau", "false"), version));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(Jsoup.parse(stale.body()).select("#version-error").text())
			.startsWith("Bản ghi vừa được người khác sửa hoặc xoá");
		assertThat(roomRow(room)).isEqualTo("Phòng do người kia sửa true 1");

		// a deletion confirmed on a page read before the change is refused too
		var staleDeletion = one.post("/registers/rooms/" + room + "/delete", Map.of("version", version));
		assertThat(staleDeletion.status()).isEqualTo(409);
		assertThat(roomRow(room)).isEqualTo("Phòng do người kia sửa true 1");

		one.get("/registers/rooms?lang=en");
		var english = one.post("/registers/rooms/" + room, versioned(room(caiKhe, "Phòng sửa sau", "false"), version));
		assertThat(english.status()).isEqualTo(409);
		assertThat(Jsoup.parse(english.body()).select("#version-error").text())
			.startsWith("Someone else has just changed or deleted this record");
	}

	@Test
	void trainingFormOpensWithItsParticipantsAndSavesUnchanged() {
		TestUserAgent agent = manager(port, testAccounts);
		long lan = addMember(agent, caiKhe, "Ngô Thị Lan", "COLLABORATOR", "FEMALE");
		long binh = addMember(agent, caiKhe, "Ngô Văn Bình", "SOCIAL_WORKER", "MALE");
		long training = addTraining(agent, caiKhe, List.of(lan, binh), Map.of());

		Document form = Jsoup.parse(agent.get("/registers/trainings/" + training + "/edit").body());

		assertThat(form.select("h1").text()).isEqualTo("Sửa lớp tập huấn");
		assertThat(form.select("input[name=participants][checked]").eachAttr("value"))
			.containsExactlyInAnyOrder(lan + "", binh + "");
		// counts that only repeat the roster stay blank, so unticking someone just works
		assertThat(form.select("input[id^=count-]").eachAttr("value")).allSatisfy(v -> assertThat(v).isEmpty());
		List<Map.Entry<String, String>> fields = new ArrayList<>(training(caiKhe, today, List.of(lan), Map.of()));
		fields.add(Map.entry("version", form.select("form#record input[name=version]").val()));
		assertThat(agent.post("/registers/trainings/" + training, fields).status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT workforce_member_id FROM training_participant WHERE training_id = ?")
			.param(training)
			.query(Long.class)
			.list()).containsExactly(lan);
	}

	@Test
	void aTrainingsParticipantBeyondTheRostersFirstPageStaysListedAndTicked() {
		var communes = geography.currentUnitsWithin(geography.provinceOf(caiKhe));
		var commune = communes.get(communes.size() - 2);
		jdbc.sql("""
				INSERT INTO workforce_member (unit_id, full_name, role, sex, active_from, entered_by, entered_at)
				SELECT ?, 'An Văn Số ' || g, 'VOLUNTEER', 'MALE', DATE '2020-01-01', 'register-roster-test', now()
				FROM generate_series(1, 500) g""").param(commune.id().value()).update();
		try {
			TestUserAgent agent = manager(port, testAccounts);
			long last = addMember(agent, commune.id(), "Ý Thị Cuối Danh Sách", "COLLABORATOR", "FEMALE");
			long training = addTraining(agent, commune.id(), List.of(last), Map.of());

			Document form = Jsoup.parse(agent.get("/registers/trainings/" + training + "/edit").body());

			assertThat(form.select("input[name=participants]").size()).isGreaterThan(500);
			assertThat(form.select("input[name=participants][checked]").eachAttr("value")).containsExactly(last + "");
		}
		finally {
			jdbc.sql("""
					DELETE FROM training_participant WHERE workforce_member_id IN (
					  SELECT id FROM workforce_member WHERE unit_id = ?)""").param(commune.id().value()).update();
			jdbc.sql("DELETE FROM training WHERE unit_id = ?").param(commune.id().value()).update();
			jdbc.sql("DELETE FROM workforce_member WHERE unit_id = ?").param(commune.id().value()).update();
		}
	}

	// ---- deleting ----

	@Test
	void deletionAsksForConfirmationThenDeletesAndTheCountsFollow() {
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent agent = signedIn(port, manager);
		long room = addRoom(agent, "Phòng sẽ xoá", "true");
		var before = counts.counts(caiKhe, year);

		Document confirm = Jsoup.parse(agent.get("/registers/rooms/" + room + "/delete").body());

		// the link only shows the question; the record goes only on the posted
		// confirmation
		assertThat(roomRow(room)).isEqualTo("Phòng sẽ xoá true 0");
		assertThat(confirm.select("#record-label").text()).isEqualTo("Phòng sẽ xoá");
		assertThat(confirm.select("form#confirm").attr("method")).isEqualTo("post");
		assertThat(confirm.select("form#confirm input[name=_csrf]")).isNotEmpty();
		assertThat(confirm.select("#confirm-delete").text()).isEqualTo("Xoá bản ghi");
		var deleted = agent.post("/registers/rooms/" + room + "/delete",
				Map.of("version", confirm.select("form#confirm input[name=version]").val()));

		assertThat(deleted.status()).isEqualTo(302);
		assertThat(deleted.location()).endsWith("/registers/rooms");
		assertThat(jdbc.sql("SELECT count(*) FROM interview_room WHERE id = ?").param(room).query(Long.class).single())
			.isZero();
		var after = counts.counts(caiKhe, year);
		assertThat(after.get(Count.INTERVIEW_ROOMS) - before.get(Count.INTERVIEW_ROOMS)).isEqualTo(-1);
		assertThat(after.get(Count.CHILD_FRIENDLY_INTERVIEW_ROOMS) - before.get(Count.CHILD_FRIENDLY_INTERVIEW_ROOMS))
			.isEqualTo(-1);
		assertThat(audit(manager, "INTERVIEW_ROOM_DELETED")).singleElement().asString().contains("unit=31120");
		assertThat(agent.get("/registers/rooms/" + room + "/edit").status()).isEqualTo(404);
	}

	@Test
	void memberATrainingListsIsNotDeletedUntilRemovedFromIt() {
		TestUserAgent agent = manager(port, testAccounts);
		long member = addMember(agent, caiKhe, "Lý Thị Đã Học", "VOLUNTEER", "FEMALE");
		long training = addTraining(agent, caiKhe, List.of(member), Map.of());
		var trained = counts.counts(caiKhe, year);

		Document confirm = Jsoup.parse(agent.get("/registers/workforce/" + member + "/delete").body());
		assertThat(confirm.select("form#confirm")).isEmpty();
		assertThat(confirm.select("#blockers a").attr("href")).isEqualTo("/registers/trainings/" + training + "/edit");
		var refused = agent.post("/registers/workforce/" + member + "/delete", Map.of("version", "0"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(Jsoup.parse(refused.body()).select("#record-error").text())
			.startsWith("Không xoá được: người này có tên trong danh sách tham dự lớp tập huấn");
		assertThat(
				jdbc.sql("SELECT count(*) FROM workforce_member WHERE id = ?").param(member).query(Long.class).single())
			.isEqualTo(1);

		// removed from the training (its head count kept as typed), the member can go
		agent.get("/registers/trainings/" + training + "/edit");
		List<Map.Entry<String, String>> fields = new ArrayList<>(
				training(caiKhe, today, List.of(), Map.of("count-VOLUNTEER-FEMALE", "1")));
		fields.add(Map.entry("version", "0"));
		assertThat(agent.post("/registers/trainings/" + training, fields).status()).isEqualTo(302);
		assertThat(counts.counts(caiKhe, year).get(Count.WORKFORCE_TRAINED))
			.isEqualTo(trained.get(Count.WORKFORCE_TRAINED) - 1);
		agent.get("/registers/workforce/" + member + "/delete");
		assertThat(agent.post("/registers/workforce/" + member + "/delete", Map.of("version", "0")).status())
			.isEqualTo(302);
		assertThat(counts.counts(caiKhe, year).get(Count.WORKFORCE)).isEqualTo(trained.get(Count.WORKFORCE) - 1);
	}

	@Test
	void aTrainingListingAMemberDeletedInTheMeantimeIsRefusedLikeAnUnknownMember() throws Exception {
		TestUserAgent agent = manager(port, testAccounts);
		long member = addMember(agent, caiKhe, "Đinh Văn Vừa Xoá", "COLLABORATOR", "MALE");
		long trainings = jdbc.sql("SELECT count(*) FROM training").query(Long.class).single();
		agent.get("/registers/trainings/new?unit=" + caiKhe);
		// another user's deletion holds the member's row while the training is saved: the
		// form was checked against the roster that still listed the member
		var saving = vn.trean.OverlappingTransactions.whileOpen(dataSource, jdbc, other -> {
			try (var delete = other.prepareStatement("DELETE FROM workforce_member WHERE id = ?")) {
				delete.setLong(1, member);
				assertThat(delete.executeUpdate()).isEqualTo(1);
			}
		}, () -> agent.post("/registers/trainings", training(caiKhe, today, List.of(member), Map.of())));
		var refused = saving.value();

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body())
			.contains("Người được chọn không có trong danh sách người làm công tác bảo vệ trẻ em của đơn vị này.");
		assertThat(saving.waited()).as("the save waits for the deletion").isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM training").query(Long.class).single()).isEqualTo(trainings);
	}

	@Test
	void facilityChecksAreCorrectedAndDeletedOneByOneAndTheKindStaysWhileThereAreChecks() {
		TestUserAgent agent = manager(port, testAccounts);
		String name = "Trạm Y tế sửa " + System.nanoTime();
		long station = addFacility(agent, "HEALTH_FACILITY", name, today,
				List.of("INTAKE_PROCEDURE", "TRAINED_STAFF", "COUNSELLING"));
		long check = jdbc.sql("SELECT id FROM facility_check WHERE facility_id = ?")
			.param(station)
			.query(Long.class)
			.single();
		var before = counts.counts(caiKhe, year);

		Document edit = Jsoup.parse(agent.get("/registers/facilities/" + station + "/edit").body());
		assertThat(edit.select("#checks li.check-record")).hasSize(1);
		assertThat(edit.select("#checks a.edit").attr("aria-label")).matches("Sửa: \\d{2}/\\d{2}/\\d{4}");
		assertThat(edit.select("#checks a.edit").attr("href"))
			.isEqualTo("/registers/facilities/" + station + "/checks/" + check + "/edit");
		var kind = agent.post("/registers/facilities/" + station,
				Map.of("version", "0", "unit", caiKhe.toString(), "kind", "SCHOOL", "name", name));
		assertThat(kind.status()).isEqualTo(422);
		assertThat(Jsoup.parse(kind.body()).select("#kind-error").text()).startsWith("Không đổi được loại cơ sở");

		Document checkForm = Jsoup
			.parse(agent.get("/registers/facilities/" + station + "/checks/" + check + "/edit").body());
		assertThat(checkForm.select("input[name=items][checked]").eachAttr("value")).hasSize(3);
		var corrected = agent.post("/registers/facilities/" + station + "/checks/" + check, List
			.of(Map.entry("version", "0"), Map.entry("checkedOn", today), Map.entry("items", "INTAKE_PROCEDURE")));
		assertThat(corrected.status()).isEqualTo(302);
		assertThat(counts.counts(caiKhe, year).get(Count.HEALTH_FACILITIES_STRENGTHENED))
			.isEqualTo(before.get(Count.HEALTH_FACILITIES_STRENGTHENED) - 1);

		agent.get("/registers/facilities/" + station + "/checks/" + check + "/delete");
		assertThat(
				agent.post("/registers/facilities/" + station + "/checks/" + check + "/delete", Map.of("version", "1"))
					.status())
			.isEqualTo(302);
		agent.get("/registers/facilities/" + station + "/edit");
		assertThat(agent
			.post("/registers/facilities/" + station,
					Map.of("version", "0", "unit", caiKhe.toString(), "kind", "SCHOOL", "name", name))
			.status()).isEqualTo(302);
		var after = counts.counts(caiKhe, year);
		assertThat(after.get(Count.HEALTH_FACILITIES) - before.get(Count.HEALTH_FACILITIES)).isEqualTo(-1);
		assertThat(after.get(Count.SCHOOLS) - before.get(Count.SCHOOLS)).isEqualTo(1);

		Document confirm = Jsoup.parse(agent.get("/registers/facilities/" + station + "/delete").body());
		assertThat(agent
			.post("/registers/facilities/" + station + "/delete",
					Map.of("version", confirm.select("form#confirm input[name=version]").val()))
			.status()).isEqualTo(302);
		assertThat(counts.counts(caiKhe, year).get(Count.SCHOOLS)).isEqualTo(before.get(Count.SCHOOLS));
	}

	// ---- who may ----

	@Test
	void recordsOfAnOldCommuneMergedIntoTodaysAreListedThereReadOnlyUnderTheirOldName() {
		// An Hòa (31120 before 1 July 2025) was merged whole into Cái Khế
		UnitId anHoa = testUnits.id("31120", LocalDate.of(2025, 6, 30));
		long old = oldRoom(anHoa, "Phòng của phường An Hòa cũ");
		TestUserAgent caiKheReporter = signedIn(port, testAccounts.create(Role.PLAN_REPORTER, "31120"));
		long current = addRoom(caiKheReporter, "Phòng của Cái Khế hôm nay", "true");

		Document list = Jsoup.parse(caiKheReporter.get("/registers/rooms").body());
		var oldRow = list.select("tr:has(td:containsOwn(Phòng của phường An Hòa cũ))");
		assertThat(oldRow).hasSize(1);
		assertThat(oldRow.select("td[data-label=Đơn vị] span").text()).isEqualTo("Phường An Hòa");
		assertThat(oldRow.select(".former-unit").text()).isEqualTo("(đơn vị trước sắp xếp)");
		assertThat(oldRow.select("a[href*=/edit], form[action*=/delete]")).isEmpty();
		assertThat(list.select(".pager nav")).as("one page: nothing to navigate").isEmpty();
		var currentRow = list.select("tr:has(td:containsOwn(Phòng của Cái Khế hôm nay))");
		assertThat(currentRow.select(".former-unit")).isEmpty();
		assertThat(currentRow.select("a[href=/registers/rooms/" + current + "/edit]")).hasSize(1);
		// the old record stays as it was recorded: not changed from today's commune
		assertThat(caiKheReporter.get("/registers/rooms/" + old + "/edit").status()).isEqualTo(403);

		// Ninh Kiều's reporter lists neither
		TestUserAgent ninhKieuReporter = signedIn(port, testAccounts.create(Role.PLAN_REPORTER, "31135"));
		String other = ninhKieuReporter.get("/registers/rooms").body();
		assertThat(other).doesNotContain("Phòng của phường An Hòa cũ").doesNotContain("Phòng của Cái Khế hôm nay");

		// the city lists the merged commune's record, but not those of units to review:
		// a ward split between communes (Bùi Hữu Nghĩa), an old district's own (Quận Ninh
		// Kiều), whose territory went to several communes
		LocalDate before = LocalDate.of(2025, 6, 30);
		long split = oldRoom(testUnits.id("31178", before), "Phòng của phường bị chia");
		long district = oldRoom(testUnits.id("916", before), "Phòng của quận cũ");
		String city = manager(port, testAccounts).get("/registers/rooms").body();
		assertThat(city).contains("Phòng của phường An Hòa cũ", "Phòng của Cái Khế hôm nay")
			.doesNotContain("Phòng của phường bị chia", "Phòng của quận cũ");
		assertThat(caiKheReporter.get("/registers/rooms").body()).doesNotContain("Phòng của phường bị chia");
		jdbc.sql("DELETE FROM interview_room WHERE id IN (?, ?, ?)").params(old, split, district).update();
	}

	private long oldRoom(UnitId unit, String name) {
		return jdbc.sql("""
				INSERT INTO interview_room (unit_id, name, established_on, child_friendly, entered_by, entered_at)
				VALUES (?, ?, DATE '2019-05-01', true, 'register-records-test', now()) RETURNING id""")
			.params(unit.value(), name)
			.query(Long.class)
			.single();
	}

	@Test
	void aLongListIsShownPageByPageWithItsTotalAndBadPageNumbersGiveAPageThatExists() {
		var communes = geography.currentUnitsWithin(geography.provinceOf(caiKhe));
		var commune = communes.get(communes.size() - 1);
		jdbc.sql("""
				INSERT INTO interview_room (unit_id, name, established_on, child_friendly, entered_by, entered_at)
				SELECT ?, 'Phòng số ' || g, DATE '2020-01-01' + g, true, 'register-pages-test', now()
				FROM generate_series(1, 505) g""").param(commune.id().value()).update();
		long total = jdbc.sql("SELECT count(*) FROM interview_room WHERE unit_id = ?")
			.param(commune.id().value())
			.query(Long.class)
			.single();
		TestUserAgent reporter = signedIn(port, testAccounts.create(Role.PLAN_REPORTER, commune.code()));
		try {
			Document first = Jsoup.parse(reporter.get("/registers/rooms").body());
			assertThat(first.select("tr.room")).hasSize(500);
			assertThat(total).isBetween(505L, 999L);
			assertThat(first.select(".pager p").text()).isEqualTo("Hiển thị 1–500 trên tổng số " + total + " bản ghi.");
			assertThat(first.select(".pager nav a[rel=prev]")).isEmpty();
			assertThat(first.select(".pager nav a[rel=next]").attr("href")).isEqualTo("/registers/rooms?page=2");

			Document second = Jsoup.parse(reporter.get("/registers/rooms?page=2").body());
			assertThat(second.select("tr.room")).hasSize((int) total - 500);
			assertThat(second.select(".pager nav a[rel=prev]").attr("href")).isEqualTo("/registers/rooms?page=1");
			assertThat(second.select(".pager nav a[rel=next]")).isEmpty();
			// the newest first: page 2 holds the oldest rooms
			assertThat(second.select("tr.room").text()).contains("Phòng số 1 ");

			for (String bad : List.of("abc", "-3", "0", "1%3Cscript%3E")) {
				var shown = reporter.get("/registers/rooms?page=" + bad);
				assertThat(shown.status()).as(bad).isEqualTo(200);
				assertThat(Jsoup.parse(shown.body()).select("tr.room")).as(bad).hasSize(500);
			}
			for (String beyond : List.of("7", "1000000", "99999999999999999999")) {
				assertThat(Jsoup.parse(reporter.get("/registers/rooms?page=" + beyond).body()).select("tr.room"))
					.as("past the last page: the last")
					.hasSize((int) total - 500);
			}
		}
		finally {
			jdbc.sql("DELETE FROM interview_room WHERE entered_by = 'register-pages-test'").update();
		}
	}

	@Test
	void anotherCommunesOfficerIsRefusedByDirectAddress() {
		TestUserAgent caiKheReporter = signedIn(port, testAccounts.create(Role.PLAN_REPORTER, "31120"));
		long member = addMember(caiKheReporter, caiKhe, "Người của Cái Khế", "VOLUNTEER", "MALE");
		long room = addRoom(caiKheReporter, "Phòng của Cái Khế", "true");
		long training = addTraining(caiKheReporter, caiKhe, List.of(member), Map.of());
		TestUserAgent ninhKieuReporter = signedIn(port, testAccounts.create(Role.PLAN_REPORTER, "31135"));
		ninhKieuReporter.get("/registers/workforce");

		for (String path : List.of("/registers/workforce/" + member, "/registers/rooms/" + room,
				"/registers/trainings/" + training)) {
			assertThat(ninhKieuReporter.get(path + "/edit").status()).as(path).isEqualTo(403);
			assertThat(ninhKieuReporter.get(path + "/delete").status()).as(path).isEqualTo(403);
			assertThat(ninhKieuReporter.post(path + "/delete", Map.of("version", "0")).status()).as(path)
				.isEqualTo(403);
		}
		Map<String, String> moved = member(ninhKieu, "Người đã bị đổi", "VOLUNTEER", "MALE");
		moved.put("version", "0");
		assertThat(ninhKieuReporter.post("/registers/workforce/" + member, moved).status()).isEqualTo(403);
		assertThat(ninhKieuReporter
			.post("/registers/rooms/" + room, versioned(room(ninhKieu, "Phòng đã bị đổi", "false"), "0"))
			.status()).isEqualTo(403);
		assertThat(ninhKieuReporter.get("/registers/rooms/999999999/edit").status()).isEqualTo(404);

		assertThat(roomRow(room)).isEqualTo("Phòng của Cái Khế true 0");
		assertThat(jdbc.sql("SELECT full_name || ' ' || version FROM workforce_member WHERE id = ?")
			.param(member)
			.query(String.class)
			.single()).isEqualTo("Người của Cái Khế 0");
		assertThat(jdbc.sql("SELECT count(*) FROM training WHERE id = ?").param(training).query(Long.class).single())
			.isEqualTo(1);
		// nor may Cái Khế's reporter move a record to Ninh Kiều
		caiKheReporter.get("/registers/rooms/" + room + "/edit");
		assertThat(caiKheReporter
			.post("/registers/rooms/" + room, versioned(room(ninhKieu, "Phòng chuyển đi", "true"), "0"))
			.status()).isEqualTo(403);
		assertThat(roomRow(room)).isEqualTo("Phòng của Cái Khế true 0");
	}

	@Test
	void statisticianSeesNoEditLinksAndCannotDelete() {
		TestUserAgent writer = manager(port, testAccounts);
		long room = addRoom(writer, "Phòng chỉ xem", "true");
		TestUserAgent statistician = signedIn(port, testAccounts.create(Role.STATISTICIAN, "92"));

		Document list = Jsoup.parse(statistician.get("/registers/rooms").body());

		assertThat(list.select("a[href$='/edit'], a[href$='/delete']")).isEmpty();
		assertThat(statistician.post("/registers/rooms/" + room + "/delete", Map.of("version", "0")).status())
			.isEqualTo(403);
		assertThat(roomRow(room)).isEqualTo("Phòng chỉ xem true 0");
	}

	// ---- helpers ----

	private long addMember(TestUserAgent agent, UnitId unit, String name, String role, String sex) {
		agent.get("/registers/workforce");
		var saved = agent.post("/registers/workforce", member(unit, name, role, sex));
		assertThat(saved.status()).as("adding " + name).isEqualTo(302);
		return newest("workforce_member");
	}

	private long addTraining(TestUserAgent agent, UnitId unit, List<Long> participants, Map<String, String> counts) {
		agent.get("/registers/trainings/new?unit=" + unit);
		assertThat(agent.post("/registers/trainings", training(unit, today, participants, counts)).status())
			.isEqualTo(302);
		return newest("training");
	}

	private long addEvent(TestUserAgent agent, String reach, String households) {
		agent.get("/registers/events");
		assertThat(agent.post("/registers/events", event(caiKhe, today, reach, households)).status()).isEqualTo(302);
		return newest("communication_event");
	}

	private long addRoom(TestUserAgent agent, String name, String childFriendly) {
		agent.get("/registers/rooms");
		Map<String, String> form = room(caiKhe, name, childFriendly);
		assertThat(agent.post("/registers/rooms", form).status()).isEqualTo(302);
		return newest("interview_room");
	}

	private long addFacility(TestUserAgent agent, String kind, String name, String checkedOn, List<String> items) {
		agent.get("/registers/facilities");
		assertThat(agent.post("/registers/facilities", facility(caiKhe, kind, name, checkedOn, items)).status())
			.isEqualTo(302);
		return newest("facility");
	}

	/** The newest row of a register's table (each test adds its own). */
	private long newest(String table) {
		return jdbc.sql("SELECT max(id) FROM " + table).query(Long.class).single();
	}

	private static Map<String, String> versioned(Map<String, String> form, String version) {
		form.put("version", version);
		return form;
	}

	private String roomRow(long room) {
		return jdbc.sql("SELECT name || ' ' || child_friendly || ' ' || version FROM interview_room WHERE id = ?")
			.param(room)
			.query(String.class)
			.single();
	}

	private List<String> audit(String actor, String action) {
		return jdbc.sql("SELECT detail FROM audit_entry WHERE actor = ? AND action = ?")
			.params(actor, action)
			.query(String.class)
			.list();
	}

}
