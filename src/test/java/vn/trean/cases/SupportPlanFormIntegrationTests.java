package vn.trean.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
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
import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support plan (Mẫu 04) edited through its form over HTTP: rows added, removed and
 * moved by submit buttons with everything typed kept, saved without its blank rows, and
 * every measure printed on Mẫu 04 and Mẫu 05; a plan stored in the first shape still
 * loads and prints.
 */
@IntegrationTest
class SupportPlanFormIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Intake intake;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Autowired
	CaseManagement cases;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	String officerName;

	CurrentUser officer;

	CurrentUser chair;

	TestUserAgent agent;

	@BeforeEach
	void people() {
		officerName = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		officer = testCases.user(officerName);
		chair = testCases.user(testAccounts.create(Role.COMMUNE_CHAIR, TestUnits.CAI_KHE));
		agent = new TestUserAgent(port);
		agent.signIn(officerName);
	}

	@Test
	void threeMeasuresAddedThroughTheFormAreSavedAndPrintedOnMau04AndMau05() {
		CaseId id = inPlanning("Đinh Thu Hằng");
		AgencyId centre = agency("TT CTXH " + System.nanoTime() % 100000, TestUnits.CAN_THO);
		String centreName = directory.find(centre).orElseThrow().name();
		String path = "/cases/" + id.value() + "/forms/plan";
		List<Row> rows = new ArrayList<>(List.of(new Row("MEDICAL_CARE", "Khám sức khoẻ", centre, "", 0, 7, "Xe")));

		TestUserAgent.Response two = agent.post(path, form(id, rows, "edit", "add"));
		assertThat(two.status()).isEqualTo(200);
		assertThat(two.body()).contains("Khám sức khoẻ", "name=\"measures[1].measure\"")
			.doesNotContain("name=\"measures[2].measure\"");
		rows.add(new Row("PSYCHOLOGICAL_THERAPY", "Trị liệu", null, "Chị Lan", 1, 30, "Phòng tư vấn"));
		TestUserAgent.Response three = agent.post(path, form(id, rows, "edit", "add"));
		assertThat(three.body()).contains("Chị Lan", "name=\"measures[2].measure\"");
		rows.add(new Row("LEGAL_AID", "Trợ giúp pháp lý", null, "Luật sư Minh", 2, 60, ""));
		rows.add(Row.BLANK);

		assertThat(agent.post(path, form(id, rows)).status()).isEqualTo(302);

		SupportPlan saved = cases.open(Actor.of(officer, "ip"), id).forms().plan().data();
		assertThat(saved.measures()).extracting(SupportPlan.PlannedMeasure::measure)
			.containsExactly(SupportMeasure.MEDICAL_CARE, SupportMeasure.PSYCHOLOGICAL_THERAPY,
					SupportMeasure.LEGAL_AID);
		assertThat(saved.measures().get(0).agencyName()).isEqualTo(centreName);
		String plan = text(agent.download("/cases/" + id.value() + "/print/04").body());
		assertThat(plan).contains("Khám sức khoẻ", centreName, "Trị liệu tâm lý", "Chị Lan", "Phòng tư vấn",
				"Trợ giúp pháp lý", "Luật sư Minh");
		workflow.submitPlan(Actor.of(officer, "ip"), id, testCases.version(id));
		forms.decideOnPlan(Actor.of(chair, "ip"), id, testCases.version(id),
				new PlanDecision(true, "46/QĐ-UBND", today(), null));
		String decision = text(agent.download("/cases/" + id.value() + "/print/05").body());
		assertThat(decision).contains("46/QĐ-UBND", "Khám sức khoẻ", centreName, "Chị Lan", "Luật sư Minh");
	}

	@Test
	void removingAndMovingRowsKeepsWhatWasTypedInTheOtherRows() {
		CaseId id = inPlanning("Lưu Bảo Ngọc");
		String path = "/cases/" + id.value() + "/forms/plan";
		List<Row> rows = List.of(new Row("MEDICAL_CARE", "Hàng một", null, "Người A", 0, 5, ""),
				new Row("LEGAL_AID", "Hàng hai", null, "Người B", 0, 5, ""),
				new Row("OTHER", "Hàng ba", null, "Người C", 0, 5, ""));

		String removed = agent.post(path, form(id, rows, "edit", "remove-1")).body();
		String movedUp = agent.post(path, form(id, rows, "edit", "up-2")).body();
		String movedDown = agent.post(path, form(id, rows, "edit", "down-0")).body();

		assertThat(removed).contains("Hàng một", "Hàng ba").doesNotContain("Hàng hai", "measures[2]");
		assertThat(order(movedUp, "Hàng một", "Hàng hai", "Hàng ba")).containsExactly("Hàng một", "Hàng ba",
				"Hàng hai");
		assertThat(order(movedDown, "Hàng một", "Hàng hai", "Hàng ba")).containsExactly("Hàng hai", "Hàng một",
				"Hàng ba");
		assertThat(agent.post(path, form(id, rows, "edit", "up-0")).body()).contains("Hàng một");
		assertThat(cases.open(Actor.of(officer, "ip"), id).forms().plan()).isNull();
	}

	@Test
	void aPlanStoredInTheFirstShapeStillLoadsAndPrints() {
		CaseId id = inPlanning("Tạ Minh Châu");
		forms.draftPlan(Actor.of(officer, "ip"), id, testCases.version(id), ProtectionCaseTests.plan());
		jdbc.sql("""
				UPDATE case_form SET schema = 1, data = CAST(:data AS jsonb)
				WHERE case_id = :id AND form = 'SUPPORT_PLAN'""")
			.param("id", id.value())
			.param("data",
					"""
							{"goals": "Mục tiêu cũ", "resources": "Ngân sách xã", "measures": [{"measure": "SAFE_SHELTER",
							"responsible": "Nhà tạm lánh", "startOn": "%s", "endBy": "%s"}]}"""
						.formatted(today(), today().plusDays(9)))
			.update();

		assertThat(agent.get("/cases/" + id.value() + "/forms/plan").body()).contains("Nhà tạm lánh");
		assertThat(text(agent.download("/cases/" + id.value() + "/print/04").body())).contains("Mục tiêu cũ",
				"Nhà tạm lánh", "Ngân sách xã");
	}

	/** One row of the plan's form, its dates as days from today. */
	record Row(String measure, String details, AgencyId agency, String person, int from, int until, String resources) {

		static final Row BLANK = new Row("", "", null, "", -1, -1, "");

	}

	CaseId inPlanning(String child) {
		CaseId id = testCases.caseOf(intake.record(testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92")),
				ReportDrafts.at(testUnits.caiKhe())
					.withChild(child, 8, null)
					.withHarm(HarmForm.SEXUAL_MOLESTATION)
					.withAccount("Hàng xóm báo trẻ bị đánh.")
					.build()));
		workflow.startVerification(Actor.of(officer, "ip"), id, testCases.version(id));
		workflow.confirmHarm(Actor.of(officer, "ip"), id, testCases.version(id), "Có dấu hiệu bạo lực.");
		forms.recordInitialAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				CaseWorkflowIntegrationTests.initialAssessment());
		forms.recordNeedsAssessment(Actor.of(officer, "ip"), id, testCases.version(id), new NeedsAssessment(
				"Có vết bầm", "Sợ hãi", "Sống với bố", Rating.LOW, "An toàn", today(), "Cán bộ", "Biên bản"));
		return id;
	}

	AgencyId agency(String name, String unitCode) {
		return directory.registerDemo(
				new Directory.AgencyDetails(name, Sector.OTHER, testUnits.id(unitCode), null, null, null, null));
	}

	/** The plan's form as the browser sends it, with the rows and any extra fields. */
	List<Map.Entry<String, String>> form(CaseId id, List<Row> rows, String... extra) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("version", String.valueOf(testCases.version(id))));
		fields.add(Map.entry("goals", "Trẻ an toàn"));
		fields.add(Map.entry("resources", ""));
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			String p = "measures[" + i + "].";
			fields.add(Map.entry(p + "measure", r.measure()));
			fields.add(Map.entry(p + "details", r.details()));
			fields.add(Map.entry(p + "agency", r.agency() == null ? "" : r.agency().toString()));
			fields.add(Map.entry(p + "responsible", r.person()));
			fields.add(Map.entry(p + "startOn", r.from() < 0 ? "" : today().plusDays(r.from()).toString()));
			fields.add(Map.entry(p + "endBy", r.until() < 0 ? "" : today().plusDays(r.until()).toString()));
			fields.add(Map.entry(p + "resources", r.resources()));
		}
		for (int i = 0; i + 1 < extra.length; i += 2) {
			fields.add(Map.entry(extra[i], extra[i + 1]));
		}
		return fields;
	}

	static List<String> order(String page, String... texts) {
		return java.util.Arrays.stream(texts).sorted(java.util.Comparator.comparingInt(page::indexOf)).toList();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

	static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
