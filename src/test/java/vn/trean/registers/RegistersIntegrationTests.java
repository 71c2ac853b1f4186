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
import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
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
 * The registers through their pages: adding to and listing each register, the counts plan
 * indicators are computed from (and their traces), every kind of bad entry refused with a
 * translated 422 and nothing saved, and who may read and write which unit's registers.
 */
@IntegrationTest
class RegistersIntegrationTests {

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
	Directory directory;

	@Autowired
	RegisterCounts counts;

	private UnitId canTho;

	private UnitId caiKhe;

	private UnitId ninhKieu;

	private UnitId haNoi;

	private int year;

	private String today;

	@BeforeEach
	void units() {
		canTho = testUnits.canTho();
		caiKhe = testUnits.caiKhe();
		ninhKieu = testUnits.ninhKieu();
		haNoi = testUnits.id("01");
		year = geography.today().getYear();
		today = geography.today().toString();
	}

	// ---- adding and listing ----

	@Test
	void communeReporterAddsAWorkforceMemberAndSeesItListed() {
		String reporter = testAccounts.create(Role.PLAN_REPORTER, "31120");
		TestUserAgent agent = signedIn(port, reporter);
		Document page = Jsoup.parse(agent.get("/registers/workforce").body());
		assertThat(page.select("select#unit option").eachAttr("value")).contains(caiKhe.toString())
			.doesNotContain(ninhKieu.toString());
		assertThat(page.select("fieldset legend").eachText()).contains("Giới tính");

		var saved = agent.post("/registers/workforce", member(caiKhe, "Trần Thị Cúc", "COLLABORATOR", "FEMALE"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/registers/workforce");
		Document list = Jsoup.parse(agent.get("/registers/workforce").body());
		assertThat(list.text()).contains("Đã lưu vào sổ theo dõi.");
		assertThat(list.select("tr.member td:first-child").eachText()).contains("Trần Thị Cúc");
		assertThat(list.select("tr.member").text()).contains("Cộng tác viên bảo vệ trẻ em", "Phường Cái Khế");
		assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE actor = ? AND action = 'WORKFORCE_MEMBER_ADDED'")
			.param(reporter)
			.query(String.class)
			.list()).singleElement().asString().contains("unit=31120", "role=COLLABORATOR").doesNotContain("Cúc");
	}

	@Test
	void trainedIsCountedFromTheRosterNotFromTypedCounts() {
		TestUserAgent agent = manager(port, testAccounts);
		long lan = addMember(agent, caiKhe, "Nguyễn Thị Lan", "COLLABORATOR", "FEMALE");
		long binh = addMember(agent, caiKhe, "Lê Văn Bình", "SOCIAL_WORKER", "MALE");
		addMember(agent, caiKhe, "Phạm Văn Chưa Học", "VOLUNTEER", "MALE");
		var before = counts.counts(caiKhe, year);

		Document form = Jsoup.parse(agent.get("/registers/trainings/new?unit=" + caiKhe).body());
		assertThat(form.select("input[name=participants]").eachAttr("value")).contains(lan + "", binh + "");
		assertThat(form.select("label[for=participant-" + lan + "]").text())
			.isEqualTo("Nguyễn Thị Lan (Cộng tác viên bảo vệ trẻ em, Nữ)");
		assertThat(form.select("label[for=count-SOCIAL_WORKER-MALE]").text())
			.isEqualTo("Nhân viên công tác xã hội, Nam");
		var saved = agent.post("/registers/trainings", training(caiKhe, today, List.of(lan, binh), Map.of()));
		assertThat(saved.status()).isEqualTo(302);
		// a training with typed counts only (people not on the roster) trains no one on
		// it
		agent.get("/registers/trainings/new?unit=" + caiKhe);
		assertThat(agent
			.post("/registers/trainings", training(caiKhe, today, List.of(), Map.of("count-VOLUNTEER-MALE", "25")))
			.status()).isEqualTo(302);

		var after = counts.counts(caiKhe, year);
		assertThat(after.get(Count.WORKFORCE) - before.get(Count.WORKFORCE)).isZero();
		assertThat(after.get(Count.WORKFORCE_TRAINED) - before.get(Count.WORKFORCE_TRAINED)).isEqualTo(2);
		assertThat(counts.trace(caiKhe, year, Count.WORKFORCE_TRAINED)).extracting(RegisterCounts.TracedRecord::label)
			.contains("Nguyễn Thị Lan", "Lê Văn Bình")
			.doesNotContain("Phạm Văn Chưa Học");
		assertThat(counts.traceTrainedWorkforce(caiKhe, year, TrainingKind.CHILD_PROTECTION_SKILLS))
			.extracting(RegisterCounts.TracedRecord::id)
			.contains(lan, binh);
		assertThat(counts.trainedWorkforce(caiKhe, year, TrainingKind.HEALTH_CARE))
			.isLessThan(after.get(Count.WORKFORCE_TRAINED));
		Document list = Jsoup.parse(agent.get("/registers/trainings").body());
		assertThat(list.select("tr.training").text()).contains("Kỹ năng bảo vệ trẻ em");
	}

	@Test
	void investigatorsTrainedCountOnlyChildFriendlyInvestigationTraining() {
		TestUserAgent agent = manager(port, testAccounts);
		long investigator = addMember(agent, ninhKieu, "Đỗ Văn Điều Tra", "POLICE_INVESTIGATOR", "MALE");
		var before = counts.counts(ninhKieu, year);

		agent.get("/registers/trainings/new?unit=" + ninhKieu);
		List<Map.Entry<String, String>> fields = training(ninhKieu, today, List.of(investigator), Map.of());
		fields.replaceAll(e -> e.getKey().equals("kind") ? Map.entry("kind", "CHILD_FRIENDLY_INVESTIGATION") : e);
		assertThat(agent.post("/registers/trainings", fields).status()).isEqualTo(302);

		var after = counts.counts(ninhKieu, year);
		assertThat(after.get(Count.INVESTIGATORS) - before.get(Count.INVESTIGATORS)).isZero();
		assertThat(after.get(Count.INVESTIGATORS_TRAINED) - before.get(Count.INVESTIGATORS_TRAINED)).isEqualTo(1);
		assertThat(after.get(Count.WORKFORCE_TRAINED)).isEqualTo(before.get(Count.WORKFORCE_TRAINED));
	}

	@Test
	void householdsReachedByTwoEventsAreCountedOnce() {
		TestUserAgent agent = manager(port, testAccounts);
		String a = "HGD-" + System.nanoTime();
		String b = a + "-B";
		String c = a + "-C";
		var before = counts.counts(caiKhe, year);

		assertThat(agent.post("/registers/events", event(caiKhe, today, "40", a + "\n" + b)).status()).isEqualTo(302);
		agent.get("/registers/events");
		assertThat(agent.post("/registers/events", event(caiKhe, today, "35", b.toLowerCase() + "\n" + c)).status())
			.isEqualTo(302);

		var after = counts.counts(caiKhe, year);
		assertThat(after.get(Count.HOUSEHOLDS_REACHED) - before.get(Count.HOUSEHOLDS_REACHED)).isEqualTo(3);
		assertThat(counts.trace(caiKhe, year, Count.HOUSEHOLDS_REACHED)).extracting(RegisterCounts.TracedRecord::label)
			.containsOnlyOnce(a, b, c);
		Document list = Jsoup.parse(agent.get("/registers/events").body());
		assertThat(list.select("tr.event").text()).contains("Họp cha mẹ học sinh");
	}

	@Test
	void provinceCountsSumTheCommunesUnderIt() {
		TestUserAgent agent = manager(port, testAccounts);
		var province = counts.counts(canTho, year);
		var commune = counts.counts(caiKhe, year);

		assertThat(agent.post("/registers/rooms", room(caiKhe, "Phòng Cái Khế", "true")).status()).isEqualTo(302);
		agent.get("/registers/rooms");
		assertThat(agent.post("/registers/rooms", room(ninhKieu, "Phòng Ninh Kiều", "false")).status()).isEqualTo(302);

		var provinceAfter = counts.counts(canTho, year);
		var communeAfter = counts.counts(caiKhe, year);
		assertThat(provinceAfter.get(Count.INTERVIEW_ROOMS) - province.get(Count.INTERVIEW_ROOMS)).isEqualTo(2);
		assertThat(provinceAfter.get(Count.CHILD_FRIENDLY_INTERVIEW_ROOMS)
				- province.get(Count.CHILD_FRIENDLY_INTERVIEW_ROOMS))
			.isEqualTo(1);
		assertThat(communeAfter.get(Count.INTERVIEW_ROOMS) - commune.get(Count.INTERVIEW_ROOMS)).isEqualTo(1);
		Document overview = Jsoup.parse(agent.get("/registers?unit=" + canTho + "&year=" + year).body());
		assertThat(overview.select("#count-INTERVIEW_ROOMS td").text())
			.isEqualTo(provinceAfter.get(Count.INTERVIEW_ROOMS) + "");
		Document trace = Jsoup
			.parse(agent.get("/registers/trace?unit=" + canTho + "&year=" + year + "&count=INTERVIEW_ROOMS").body());
		assertThat(trace.select("tbody tr").eachText()).anySatisfy(r -> assertThat(r).contains("Phòng Ninh Kiều"));
	}

	@Test
	void schoolsAndHealthFacilitiesAreCountedFromTheirChecks() {
		TestUserAgent agent = manager(port, testAccounts);
		var before = counts.counts(caiKhe, year);

		assertThat(agent
			.post("/registers/facilities",
					facility(caiKhe, "SCHOOL", "Trường THCS Cái Khế", today, List.of("PREVENTION_SESSION")))
			.status()).isEqualTo(302);
		agent.get("/registers/facilities");
		assertThat(agent.post("/registers/facilities", facility(caiKhe, "SCHOOL", "Trường Mầm non", "", List.of()))
			.status()).isEqualTo(302);
		agent.get("/registers/facilities");
		assertThat(agent
			.post("/registers/facilities",
					facility(caiKhe, "HEALTH_FACILITY", "Trạm Y tế Cái Khế", today,
							List.of("INTAKE_PROCEDURE", "TRAINED_STAFF", "COUNSELLING")))
			.status()).isEqualTo(302);

		var after = counts.counts(caiKhe, year);
		assertThat(after.get(Count.SCHOOLS) - before.get(Count.SCHOOLS)).isEqualTo(2);
		assertThat(after.get(Count.SCHOOLS_WITH_PREVENTION_SESSION) - before.get(Count.SCHOOLS_WITH_PREVENTION_SESSION))
			.isEqualTo(1);
		assertThat(after.get(Count.HEALTH_FACILITIES_STRENGTHENED) - before.get(Count.HEALTH_FACILITIES_STRENGTHENED))
			.isEqualTo(1);

		// a later check that finds no counselling any more: no longer strengthened
		long station = jdbc.sql("SELECT max(id) FROM facility WHERE name = 'Trạm Y tế Cái Khế'")
			.query(Long.class)
			.single();
		Document checkForm = Jsoup.parse(agent.get("/registers/facilities/" + station + "/checks/new").body());
		assertThat(checkForm.select("input[name=items]").eachAttr("value")).containsExactly("INTAKE_PROCEDURE",
				"TRAINED_STAFF", "COUNSELLING");
		var checked = agent.post("/registers/facilities/" + station + "/checks", List.of(Map.entry("checkedOn", today),
				Map.entry("items", "INTAKE_PROCEDURE"), Map.entry("items", "TRAINED_STAFF")));
		assertThat(checked.status()).isEqualTo(302);
		assertThat(counts.counts(caiKhe, year).get(Count.HEALTH_FACILITIES_STRENGTHENED))
			.isEqualTo(before.get(Count.HEALTH_FACILITIES_STRENGTHENED));
	}

	// ---- bad input ----

	@Test
	void negativeCountIsRefusedAndNothingSaved() {
		TestUserAgent agent = manager(port, testAccounts);
		long events = rows("communication_event");

		var refused = agent.post("/registers/events", event(caiKhe, today, "-5", ""));

		assertRefused(refused, "reach", "Số lượng không được âm.");
		assertThat(rows("communication_event")).isEqualTo(events);
	}

	@Test
	void malformedNumberIsRefusedAndNothingSaved() {
		TestUserAgent agent = manager(port, testAccounts);
		long events = rows("communication_event");

		var refused = agent.post("/registers/events", event(caiKhe, today, "1,000", ""));

		assertRefused(refused, "reach", "Hãy nhập một số nguyên");
		assertThat(rows("communication_event")).isEqualTo(events);
	}

	@Test
	void duplicateHouseholdInOneEventIsRefusedAndNothingSaved() {
		TestUserAgent agent = manager(port, testAccounts);
		long events = rows("communication_event");
		long households = rows("communication_event_household");

		var refused = agent.post("/registers/events", event(caiKhe, today, "10", "HGD-1\nHGD-2\nhgd-1"));

		assertRefused(refused, "households", "Một mã hộ gia đình được nhập hai lần");
		assertThat(Jsoup.parse(refused.body()).select("textarea#households").text()).contains("HGD-2");
		assertThat(rows("communication_event")).isEqualTo(events);
		assertThat(rows("communication_event_household")).isEqualTo(households);
	}

	@Test
	void futureDateForAPastEventIsRefusedAndNothingSaved() {
		TestUserAgent agent = manager(port, testAccounts);
		long rooms = rows("interview_room");
		String tomorrow = geography.today().plusDays(1).toString();

		var refused = agent.post("/registers/rooms", Map.of("unit", caiKhe.toString(), "name", "Phòng tương lai",
				"establishedOn", tomorrow, "childFriendly", "true"));

		assertRefused(refused, "establishedOn", "Ngày này chưa đến.");
		assertThat(rows("interview_room")).isEqualTo(rooms);
	}

	@Test
	void countsNotMatchingTheParticipantsAreRefusedAndNothingSaved() {
		TestUserAgent agent = manager(port, testAccounts);
		long lan = addMember(agent, caiKhe, "Võ Thị Lan", "COLLABORATOR", "FEMALE");
		long trainings = rows("training");
		long participants = rows("training_participant");
		agent.get("/registers/trainings/new?unit=" + caiKhe);

		var refused = agent.post("/registers/trainings",
				training(caiKhe, today, List.of(lan), Map.of("count-COLLABORATOR-FEMALE", "3")));

		assertRefused(refused, "counts", "không khớp với những người đã chọn");
		assertThat(rows("training")).isEqualTo(trainings);
		assertThat(rows("training_participant")).isEqualTo(participants);
	}

	@Test
	void unknownWorkforceMemberIsRefusedAndNothingSaved() {
		TestUserAgent agent = manager(port, testAccounts);
		long ninhKieuMember = addMember(agent, ninhKieu, "Người Ninh Kiều", "VOLUNTEER", "FEMALE");
		long trainings = rows("training");
		agent.get("/registers/trainings/new?unit=" + caiKhe);

		var unknown = agent.post("/registers/trainings", training(caiKhe, today, List.of(999_999_999L), Map.of()));
		assertRefused(unknown, "participants", "không có trong danh sách");
		// someone on another commune's roster is not on this unit's roster either
		var elsewhere = agent.post("/registers/trainings", training(caiKhe, today, List.of(ninhKieuMember), Map.of()));
		assertRefused(elsewhere, "participants", "không có trong danh sách");
		assertThat(rows("training")).isEqualTo(trainings);
	}

	@Test
	void unitOrAgencyOutsideTheProvinceIsRefusedAndNothingSaved() {
		TestUserAgent agent = manager(port, testAccounts);
		long members = rows("workforce_member");
		var haNoiAgency = directory.registerDemo(new Directory.AgencyDetails("Sở Y tế Hà Nội " + System.nanoTime(),
				Sector.OTHER, haNoi, null, null, null, null));
		Map<String, String> form = new java.util.HashMap<>(member(caiKhe, "Hồ Văn Khác", "VOLUNTEER", "MALE"));
		form.put("agency", haNoiAgency.toString());

		assertRefused(agent.post("/registers/workforce", form), "agency",
				"Cơ quan này không có trong danh bạ của tỉnh, thành phố của bạn.");
		assertRefused(agent.post("/registers/workforce", member(new UnitId(-7), "Hồ Văn Không", "VOLUNTEER", "MALE")),
				"unit", "Đơn vị hành chính không tồn tại");
		// a unit of another province lies outside the manager's jurisdiction: refused
		// first
		assertThat(agent.post("/registers/workforce", member(haNoi, "Hồ Văn Hà", "VOLUNTEER", "MALE")).status())
			.isEqualTo(403);
		assertThat(rows("workforce_member")).isEqualTo(members);
	}

	@Test
	void refusalsAreTranslatedInEnglish() {
		TestUserAgent agent = manager(port, testAccounts);
		agent.get("/registers/events?lang=en");

		var refused = agent.post("/registers/events", event(caiKhe, today, "-5", ""));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).select("#reach-error").text()).isEqualTo("A count cannot be negative.");
	}

	// ---- who may read and write ----

	@Test
	void caiKheReporterCannotWriteNinhKieusRegister() {
		TestUserAgent agent = signedIn(port, testAccounts.create(Role.PLAN_REPORTER, "31120"));
		agent.get("/registers/workforce");
		long members = rows("workforce_member");
		long rooms = rows("interview_room");

		assertThat(agent.post("/registers/workforce", member(ninhKieu, "Người Lạ", "VOLUNTEER", "MALE")).status())
			.isEqualTo(403);
		assertThat(agent.post("/registers/rooms", room(ninhKieu, "Phòng Lạ", "true")).status()).isEqualTo(403);
		assertThat(agent.get("/registers/trainings/new?unit=" + ninhKieu).status()).isEqualTo(403);
		assertThat(agent.get("/registers?unit=" + ninhKieu).status()).isEqualTo(403);
		assertThat(rows("workforce_member")).isEqualTo(members);
		assertThat(rows("interview_room")).isEqualTo(rooms);
	}

	@Test
	void haNoiManagerIsRefusedCanThosRegisters() {
		TestUserAgent agent = signedIn(port, testAccounts.create(Role.PROVINCIAL_MANAGER, "01"));
		agent.get("/registers");
		long members = rows("workforce_member");

		assertThat(agent.post("/registers/workforce", member(caiKhe, "Người Hà Nội", "VOLUNTEER", "MALE")).status())
			.isEqualTo(403);
		assertThat(agent.get("/registers?unit=" + canTho).status()).isEqualTo(403);
		assertThat(agent.get("/registers/trainings/new?unit=" + caiKhe).status()).isEqualTo(403);
		assertThat(rows("workforce_member")).isEqualTo(members);
	}

	@Test
	void statisticianReadsButHasNoFormAndCannotWrite() {
		TestUserAgent agent = signedIn(port, testAccounts.create(Role.STATISTICIAN, "92"));

		Document page = Jsoup.parse(agent.get("/registers/rooms").body());
		assertThat(page.select("form[action=/registers/rooms]")).isEmpty();
		assertThat(agent.post("/registers/rooms", room(caiKhe, "Phòng", "true")).status()).isEqualTo(403);
		assertThat(agent.post("/registers/rooms", room(new UnitId(-7), "Phòng", "true")).status()).isEqualTo(403);
	}

	// ---- pages ----

	@Test
	void registerPagesRenderInVietnamese() {
		TestUserAgent agent = signedIn(port, testAccounts.create(Role.PLAN_REPORTER, "31120"));

		var overview = agent.get("/registers");
		assertThat(overview.status()).isEqualTo(200);
		Document html = Jsoup.parse(overview.body());
		assertThat(html.select("html").attr("lang")).isEqualTo("vi");
		assertThat(html.select("nav a[href=/registers]").first().text()).isEqualTo("Sổ theo dõi");
		assertThat(html.select("h1").text()).isEqualTo("Sổ theo dõi bảo vệ trẻ em");
		assertThat(html.select("#count-WORKFORCE_TRAINED th").text()).isEqualTo("Trong đó: đã được tập huấn");
		assertThat(html.select("caption").text()).contains("Phường Cái Khế");
		assertThat(html.select("#count-WORKFORCE a").attr("aria-label"))
			.isEqualTo(html.select("#count-WORKFORCE a").text()
					+ " — xem các bản ghi tạo nên số liệu: Cán bộ, cộng tác viên, tình nguyện viên, "
					+ "nhân viên công tác xã hội bảo vệ trẻ em đang hoạt động");
		for (String path : List.of("/registers/workforce", "/registers/trainings", "/registers/events",
				"/registers/facilities", "/registers/rooms", "/registers/trainings/new?unit=" + caiKhe)) {
			var page = agent.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			Document doc = Jsoup.parse(page.body());
			assertThat(doc.select("form[method=post] input[name=_csrf]")).as("CSRF on " + path).isNotEmpty();
			assertThat(doc.select("label[for]")).as(path)
				.allSatisfy(
						label -> assertThat(doc.getElementById(label.attr("for"))).as(label.attr("for")).isNotNull());
		}
	}

	@Test
	void registerPagesRenderInEnglish() {
		TestUserAgent agent = signedIn(port, testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));

		Document overview = Jsoup.parse(agent.get("/registers?lang=en").body());
		assertThat(overview.select("html").attr("lang")).isEqualTo("en");
		assertThat(overview.select("h1").text()).isEqualTo("Child-protection registers");
		assertThat(overview.select("#count-HOUSEHOLDS_REACHED th").text())
			.isEqualTo("Households reached by communication (each counted once)");
		assertThat(Jsoup.parse(agent.get("/registers/facilities").body()).text())
			.contains("Add a school or health facility", "First capacity check (optional)");
		assertThat(Jsoup.parse(agent.get("/registers/workforce").body()).select("select#role option").eachText())
			.contains("Police investigator of child-abuse cases");
	}

	// ---- helpers ----

	private void assertRefused(TestUserAgent.Response response, String field, String message) {
		assertThat(response.status()).as("status").isEqualTo(422);
		Document html = Jsoup.parse(response.body());
		assertThat(html.select("#" + field + "-error").text()).contains(message);
		assertThat(html.select("[aria-describedby~=" + field + "-error]")).as("control described by its error")
			.isNotEmpty();
		assertThat(html.select(".alert").text()).contains("Chưa lưu được");
	}

	private long addMember(TestUserAgent agent, UnitId unit, String name, String role, String sex) {
		agent.get("/registers/workforce");
		var saved = agent.post("/registers/workforce", member(unit, name, role, sex));
		assertThat(saved.status()).as("adding " + name).isEqualTo(302);
		return jdbc.sql("SELECT max(id) FROM workforce_member WHERE full_name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	private long rows(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
