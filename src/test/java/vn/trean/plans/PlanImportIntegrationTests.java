package vn.trean.plans;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
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
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing targets and reference denominators of every unit from a CSV file: a file is
 * imported whole or refused with every problem by line and column, translated, and
 * nothing changed; only the plan administrator may import; the template lists every
 * commune of the province.
 */
@IntegrationTest
class PlanImportIntegrationTests {

	private static final String HEADER = "unit_code,unit_name,year,1.1,1.2,5.2\r\n";

	/** Two good lines, so a file refused for its third line shows that none was kept. */
	private static final String GOOD = HEADER + "92,Thành phố Cần Thơ,2026,80,,\r\n"
			+ "31120,Phường Cái Khế,2026,\"87,5\",90,3\r\n";

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
	PlanRepository repository;

	@Autowired
	ReferenceDenominatorRepository denominators;

	private UnitId canTho;

	private UnitId caiKhe;

	private UnitId haNoi;

	@BeforeEach
	void units() {
		canTho = testUnits.canTho();
		caiKhe = testUnits.caiKhe();
		haNoi = testUnits.id("01");
	}

	// ---- importing ----

	@Test
	void managerImportsTargetsOfSeveralCommunesInOneGoAndItIsAuditedOnce() {
		long plan = plan(2026, 2030);
		long coverage = indicator(plan, "1.2");
		repository.saveTarget(new Target(coverage, 2026, canTho, new BigDecimal("70"), "system", Instant.now()));
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent agent = signedIn(manager);
		Document page = Jsoup.parse(agent.get("/plans/" + plan).body());
		assertThat(page.select("a[href=/plans/" + plan + "/import]")).hasSize(1);
		agent.get("/plans/" + plan + "/import");

		var imported = upload(agent, plan, "targets", csv(GOOD));

		assertThat(imported.status()).isEqualTo(302);
		assertThat(imported.location()).endsWith("/plans/" + plan + "/import");
		assertThat(target(plan, "1.1", 2026, canTho)).isEqualByComparingTo("80");
		assertThat(target(plan, "1.1", 2026, caiKhe)).isEqualByComparingTo("87.5");
		assertThat(target(plan, "1.2", 2026, caiKhe)).isEqualByComparingTo("90");
		assertThat(target(plan, "5.2", 2026, caiKhe)).isEqualByComparingTo("3");
		assertThat(target(plan, "1.2", 2026, canTho)).as("a blank cell leaves the target as it was")
			.isEqualByComparingTo("70");
		assertThat(target(plan, "5.2", 2026, canTho)).isNull();
		Document done = Jsoup.parse(agent.get("/plans/" + plan + "/import").body());
		assertThat(done.select("#import-done").text())
			.isEqualTo("Đã nhập tệp: 4 chỉ tiêu được đặt, 0 chỉ tiêu không đổi, 2 ô trống được giữ nguyên.");
		assertThat(audited(manager, "PLAN_TARGETS_IMPORTED")).singleElement()
			.asString()
			.contains("rows=2", "set=4", "unchanged=0", "blank=2", "1.1@31120/2026:none->87.5");
		assertThat(audited(manager, "PLAN_TARGET_SET")).isEmpty();

		var again = upload(agent, plan, "targets", csv(GOOD));

		assertThat(again.status()).isEqualTo(302);
		assertThat(Jsoup.parse(agent.get("/plans/" + plan + "/import").body()).select("#import-done").text())
			.isEqualTo("Đã nhập tệp: 0 chỉ tiêu được đặt, 4 chỉ tiêu không đổi, 2 ô trống được giữ nguyên.");
		assertThat(audited(manager, "PLAN_TARGETS_IMPORTED")).hasSize(2);
	}

	@Test
	void semicolonFileWithDecimalCommasFromExcelIsImported() {
		long plan = plan(2026, 2030);
		TestUserAgent agent = manager(plan);

		var imported = upload(agent, plan, "targets", "chi-tieu.csv", "application/vnd.ms-excel",
				csv("unit_code;unit_name;year;1.1;5.2\r\n31120;Phường Cái Khế;2027;95,25;12\r\n"));

		assertThat(imported.status()).isEqualTo(302);
		assertThat(target(plan, "1.1", 2027, caiKhe)).isEqualByComparingTo("95.25");
		assertThat(target(plan, "5.2", 2027, caiKhe)).isEqualByComparingTo("12");
	}

	@Test
	void managerImportsReferenceDenominators() {
		long plan = plan(2091, 2095);
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent agent = signedIn(manager);
		Document page = Jsoup.parse(agent.get("/plans/" + plan + "/import").body());
		assertThat(page.select("#denominators tbody th").eachText()).containsExactly("FAMILIES_WITH_CHILDREN", "PUPILS",
				"CHILDREN");
		// each sheet has its template download and its upload, named by the sheet
		for (String sheet : List.of("targets", "denominators")) {
			assertThat(page.select("#" + sheet + " form[method=get]").attr("action"))
				.endsWith("/plans/" + plan + "/import/" + sheet + ".csv");
			assertThat(page.select("#" + sheet + " label[for=" + sheet + "-year] + select#" + sheet + "-year option"))
				.isNotEmpty();
			assertThat(page.select("#" + sheet + " form[method=post]").attr("action"))
				.contains("/plans/" + plan + "/import/" + sheet + "?_csrf=");
			assertThat(page.select("#" + sheet + "-file").attr("aria-describedby")).isEqualTo(sheet + "-file-hint");
		}
		assertThat(page.select("#denominators form[method=post] button").text()).isEqualTo("Nhập mẫu số tham chiếu");

		var imported = upload(agent, plan, "denominators", csv("""
				unit_code,unit_name,year,FAMILIES_WITH_CHILDREN,PUPILS
				92,Thành phố Cần Thơ,2091,250000,
				31120,Phường Cái Khế,2091,4100,5230
				"""));

		assertThat(imported.status()).isEqualTo(302);
		assertThat(denominators.denominator(DenominatorKind.FAMILIES_WITH_CHILDREN, canTho, 2091)).contains(250000L);
		assertThat(denominators.denominator(DenominatorKind.PUPILS, caiKhe, 2091)).contains(5230L);
		assertThat(denominators.denominator(DenominatorKind.PUPILS, canTho, 2091)).isEmpty();
		assertThat(Jsoup.parse(agent.get("/plans/" + plan + "/import").body()).select("#import-done").text())
			.isEqualTo("Đã nhập tệp: 3 mẫu số được đặt, 0 mẫu số không đổi, 1 ô trống được giữ nguyên.");
		assertThat(audited(manager, "PLAN_DENOMINATORS_IMPORTED")).singleElement()
			.asString()
			.contains("set=3", "PUPILS@31120/2091:none->5230");
	}

	// ---- refused files ----

	@Test
	void fileWithAWrongHeaderIsRefused() {
		assertRefused(csv("ma,ten,nam,1.1\r\n92,x,2026,80\r\n"),
				"Dòng 1: Dòng tiêu đề phải bắt đầu bằng unit_code, unit_name, year rồi đến các cột số liệu, ví dụ: "
						+ "unit_code,unit_name,year,1.1,1.2,5.2");
	}

	@Test
	void unknownCommuneCodeIsRefused() {
		assertRefused(csv(GOOD + "99999,Xã không có,2026,50,,\r\n"),
				"Dòng 4, cột A (unit_code): Không có đơn vị hành chính hiện hành nào mang mã này.");
	}

	@Test
	void unitOfAnotherProvinceIsRefused() {
		// the reference data holds Hà Nội (01) but none of its communes: the rule is the
		// same
		assertThat(geography.unitsUnder(haNoi, geography.today())).isEmpty();
		assertRefused(csv(GOOD + "01,Thành phố Hà Nội,2026,50,,\r\n"),
				"Dòng 4, cột A (unit_code): Đơn vị này không thuộc tỉnh, thành phố của kế hoạch.");
	}

	@Test
	void codeOfACommuneAbolishedIn2025IsRefused() {
		// 31117 was Phường Cái Khế until 30 June 2025; no unit in force carries it
		assertRefused(csv(GOOD + "31117,Phường Cái Khế (cũ),2026,50,,\r\n"),
				"Dòng 4, cột A (unit_code): Không có đơn vị hành chính hiện hành nào mang mã này.");
	}

	@Test
	void indicatorNotInThePlanIsRefused() {
		assertRefused(csv("unit_code,unit_name,year,1.1,9.9\r\n92,x,2026,80,1\r\n"),
				"Dòng 1, cột E (9.9): Kế hoạch không có chỉ tiêu mang mã này.");
	}

	@Test
	void coverageTargetOverAHundredIsRefused() {
		assertRefused(csv(GOOD + "92,x,2027,120,,\r\n"),
				"Dòng 4, cột D (1.1): Chỉ tiêu của một tỷ lệ không được lớn hơn 100%.");
	}

	@Test
	void negativeTargetIsRefused() {
		assertRefused(csv(GOOD + "92,x,2027,,,-1\r\n"), "Dòng 4, cột F (5.2): Giá trị không được âm.");
	}

	@Test
	void textWhereANumberBelongsIsRefused() {
		assertRefused(csv(GOOD + "92,x,2027,nhiều,,\r\n"), "Dòng 4, cột D (1.1): Hãy nhập một số, ví dụ 95 hoặc 95,5");
	}

	@Test
	void theSameUnitYearAndIndicatorTwiceIsRefused() {
		assertRefused(csv(GOOD + "31120,Phường Cái Khế,2026,,91,\r\n"),
				"Dòng 4, cột E (1.2): Ô này lặp lại đơn vị, năm và cột của dòng 3.");
	}

	@Test
	void yearOutsideThePlanIsRefused() {
		assertRefused(csv(GOOD + "92,x,2019,50,,\r\n"),
				"Dòng 4, cột C (year): Năm này nằm ngoài giai đoạn của kế hoạch.");
	}

	@Test
	void fileThatIsNotUtf8IsRefused() {
		byte[] latin1 = "31120,C\u00e1i Kh\u00ea,2026,1,,\r\n".getBytes(StandardCharsets.ISO_8859_1);
		assertRefused(concat(csv(GOOD), latin1), "Dòng 4: Tệp không phải mã UTF-8");
	}

	@Test
	void emptyFileIsRefused() {
		assertRefused(new byte[0], "Tệp trống.");
	}

	@Test
	void fileOverTheSizeLimitIsRefused() {
		ByteArrayOutputStream large = new ByteArrayOutputStream();
		large.writeBytes(csv(GOOD));
		byte[] blankLine = ",,,,,\r\n".getBytes(StandardCharsets.UTF_8);
		while (large.size() <= 1024 * 1024) {
			large.writeBytes(blankLine);
		}
		assertRefused(large.toByteArray(), "Tệp lớn hơn 1024 KB.");
	}

	@Test
	void fileOfAnotherTypeIsRefused() {
		assertRefused("anh.png", "image/png", csv(GOOD), "Tệp này không phải tệp CSV.");
	}

	@Test
	void excelWorkbookSentAsCsvIsRefused() {
		byte[] workbook = { 'P', 'K', 3, 4, 20, 0, 6, 0 };
		assertRefused("chi-tieu.csv", "application/vnd.ms-excel", workbook,
				"Đây là tệp Excel (xlsx, xls), không phải CSV.");
	}

	@Test
	void uploadWithoutAFileIsRefused() {
		assertRefused("", "application/octet-stream", new byte[0], "Hãy chọn một tệp CSV.");
	}

	@Test
	void refusalIsTranslatedInEnglish() {
		long plan = plan(2026, 2030);
		TestUserAgent agent = manager(plan);
		agent.get("/plans/" + plan + "/import?lang=en");

		var refused = upload(agent, plan, "targets", csv(GOOD + "92,x,2027,120,,\r\n"));

		assertThat(refused.status()).isEqualTo(422);
		Document html = Jsoup.parse(refused.body());
		assertThat(html.select("#import-errors").text()).contains("The file was not imported; nothing was changed.",
				"Line 4, column D (1.1): A target for a percentage may not exceed 100%.");
		assertThat(target(plan, "1.1", 2026, caiKhe)).isNull();
	}

	// ---- who may import ----

	@Test
	void haNoiManagerMayNotImportIntoCanThosPlan() {
		assertMayNotImport(Role.PROVINCIAL_MANAGER, "01");
	}

	@Test
	void planReporterMayNotImport() {
		assertMayNotImport(Role.PLAN_REPORTER, "92");
	}

	// ---- the template ----

	@Test
	void templateListsTheCityAndIts103CommunesInUtf8WithAByteOrderMark() {
		long plan = plan(2026, 2030);
		TestUserAgent agent = manager(plan);
		upload(agent, plan, "targets", csv(GOOD));

		TestUserAgent.Download template = agent.download("/plans/" + plan + "/import/targets.csv?year=2026");

		assertThat(template.status()).isEqualTo(200);
		assertThat(template.contentType()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
		assertThat(template.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".csv");
		assertThat(Arrays.copyOf(template.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(template.body(), 3, template.body().length - 3, StandardCharsets.UTF_8);
		List<String> lines = text.lines().toList();
		assertThat(lines.get(0)).isEqualTo("unit_code,unit_name,year,1.1,1.2,5.2");
		assertThat(lines.get(1)).isEqualTo("92,Thành phố Cần Thơ,2026,80,,");
		List<String> communes = lines.subList(2, lines.size());
		assertThat(communes).hasSize(103).doesNotHaveDuplicates();
		assertThat(communes).contains("31120,Phường Cái Khế,2026,87.5,90,3");
		assertThat(communes.stream().map(l -> l.substring(0, l.indexOf(','))))
			.allSatisfy(code -> assertThat(code).hasSize(5))
			.doesNotHaveDuplicates();
		assertThat(geography.currentUnitsWithin(canTho)).filteredOn(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.hasSize(103);
	}

	@Test
	void templateAsDownloadedImportsWithoutChangingAnything() {
		long plan = plan(2026, 2030);
		TestUserAgent agent = manager(plan);
		upload(agent, plan, "targets", csv(GOOD));
		byte[] template = agent.download("/plans/" + plan + "/import/targets.csv?year=2026&separator=semicolon").body();
		assertThat(new String(template, StandardCharsets.UTF_8)).contains("31120;Phường Cái Khế;2026;87,5;90;3");
		agent.get("/plans/" + plan + "/import");

		var imported = upload(agent, plan, "targets", template);

		assertThat(imported.status()).isEqualTo(302);
		assertThat(Jsoup.parse(agent.get("/plans/" + plan + "/import").body()).select("#import-done").text())
			.startsWith("Đã nhập tệp: 0 chỉ tiêu được đặt, 4 chỉ tiêu không đổi");
	}

	// ---- helpers ----

	private void assertRefused(byte[] content, String message) {
		assertRefused("chi-tieu.csv", "text/csv", content, message);
	}

	/**
	 * Uploads the file to a new plan and checks the 422 page lists the message, linked to
	 * the file field, and that no target, denominator or audit entry changed.
	 */
	private void assertRefused(String fileName, String contentType, byte[] content, String message) {
		long plan = plan(2026, 2030);
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent agent = signedIn(manager);
		agent.get("/plans/" + plan + "/import");
		Snapshot before = snapshot(plan);

		var refused = upload(agent, plan, "targets", fileName, contentType, content);

		assertThat(refused.status()).isEqualTo(422);
		Document html = Jsoup.parse(refused.body());
		assertThat(html.select("#import-errors").attr("role")).isEqualTo("alert");
		assertThat(html.select("#import-errors p").first().text())
			.isEqualTo("Không nhập được tệp; không có gì thay đổi. Sửa các lỗi sau rồi tải lên lại:");
		assertThat(html.select("#import-errors li a").eachText()).anySatisfy(t -> assertThat(t).startsWith(message));
		assertThat(html.select("#import-errors li a").eachAttr("href")).containsOnly("#targets-file");
		assertThat(html.select("#targets-file").attr("aria-invalid")).isEqualTo("true");
		assertThat(html.select("#targets-file").attr("aria-describedby")).isEqualTo("import-errors targets-file-hint");
		assertThat(html.select("#denominators-file").attr("aria-invalid")).isEmpty();
		assertThat(snapshot(plan)).isEqualTo(before);
		assertThat(target(plan, "1.1", 2026, caiKhe)).isNull();
		assertThat(audited(manager, "PLAN_TARGETS_IMPORTED")).isEmpty();
	}

	private void assertMayNotImport(Role role, String unitCode) {
		long plan = plan(2026, 2030);
		String user = testAccounts.create(role, unitCode);
		TestUserAgent agent = signedIn(user);
		agent.get("/account");
		assertThat(Jsoup.parse(agent.get("/plans/" + plan).body()).select("a[href$=/import]")).isEmpty();
		Snapshot before = snapshot(plan);

		assertThat(agent.get("/plans/" + plan + "/import").status()).isEqualTo(403);
		assertThat(agent.download("/plans/" + plan + "/import/targets.csv").status()).isEqualTo(403);
		assertThat(upload(agent, plan, "targets", csv(GOOD)).status()).isEqualTo(403);
		assertThat(
				upload(agent, plan, "denominators", csv("unit_code,unit_name,year,PUPILS\r\n92,x,2026,5\r\n")).status())
			.isEqualTo(403);

		assertThat(snapshot(plan)).isEqualTo(before);
		assertThat(target(plan, "1.1", 2026, canTho)).isNull();
	}

	/** What a refused import must leave as it was. */
	private record Snapshot(long targets, long denominators, long imports, List<Map<String, Object>> planTargets) {
	}

	private Snapshot snapshot(long plan) {
		return new Snapshot(count("plan_target"), count("reference_denominator"),
				jdbc.sql("SELECT count(*) FROM audit_entry WHERE action LIKE 'PLAN_%_IMPORTED'")
					.query(Long.class)
					.single(),
				jdbc.sql("""
						SELECT t.indicator_id, t.year, t.unit_id, t.value FROM plan_target t
						JOIN plan_indicator i ON i.id = t.indicator_id WHERE i.plan_id = ?
						ORDER BY 1, 2, 3""").param(plan).query().listOfRows());
	}

	/**
	 * A plan of Cần Thơ beside Plan 55 with two coverage indicators (1.1, 1.2, with
	 * reference denominators) and a count (5.2).
	 */
	private long plan(int start, int end) {
		long id = repository.insert(new Plan(0, canTho, "S" + System.nanoTime() + "/KH-UBND",
				"Kế hoạch kiểm thử nhập tệp", "Ủy ban nhân dân thành phố Cần Thơ", null, start, end, Plan.Status.DRAFT),
				Instant.now());
		long objective = repository.insertObjective(id, 1, "Mục tiêu kiểm thử");
		repository.insert(id, 1,
				new Indicator(0, objective, "1.1", "Tỷ lệ gia đình có trẻ em được cung cấp kiến thức",
						Indicator.Measure.PERCENT, null, "Số gia đình được cung cấp", "Tổng số gia đình có trẻ em",
						DenominatorKind.FAMILIES_WITH_CHILDREN, List.of(), Indicator.Direction.INCREASE, null,
						Indicator.Source.REPORTED, true));
		repository.insert(id, 2,
				new Indicator(0, objective, "1.2", "Tỷ lệ học sinh được giáo dục kỹ năng sống",
						Indicator.Measure.PERCENT, null, "Số học sinh được giáo dục", "Tổng số học sinh",
						DenominatorKind.PUPILS, List.of(), Indicator.Direction.INCREASE, null,
						Indicator.Source.REPORTED, true));
		repository.insert(id, 3,
				new Indicator(0, objective, "5.2", "Số phòng điều tra thân thiện", Indicator.Measure.COUNT, null, null,
						null, null, List.of(), Indicator.Direction.INCREASE, null, Indicator.Source.REPORTED, false));
		return id;
	}

	private TestUserAgent manager(long plan) {
		TestUserAgent agent = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		agent.get("/plans/" + plan + "/import");
		return agent;
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

	private static TestUserAgent.Response upload(TestUserAgent agent, long plan, String kind, byte[] content) {
		return upload(agent, plan, kind, "chi-tieu.csv", "text/csv", content);
	}

	private static TestUserAgent.Response upload(TestUserAgent agent, long plan, String kind, String fileName,
			String contentType, byte[] content) {
		return agent.postMultipart("/plans/" + plan + "/import/" + kind, Map.of(),
				new TestUserAgent.FilePart("file", fileName, contentType, content));
	}

	/** The text as Excel saves "CSV UTF-8": with a byte order mark. */
	private static byte[] csv(String text) {
		return concat(CsvTable.BOM, text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] result = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

	private long indicator(long plan, String code) {
		return repository.indicator(plan, code).orElseThrow().id();
	}

	private BigDecimal target(long plan, String code, int year, UnitId unit) {
		return repository.target(indicator(plan, code), year, unit).orElse(null);
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private List<String> audited(String actor, String action) {
		return jdbc.sql("SELECT detail FROM audit_entry WHERE actor = ? AND action = ? AND target_type = 'PLAN'")
			.param(actor)
			.param(action)
			.query(String.class)
			.list();
	}

}
