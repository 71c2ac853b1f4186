package vn.trean.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.ReportDrafts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.intake.HarmForm;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Time;

/**
 * What the support plan's form tests share: an officer signed in over HTTP, a case ready
 * for its plan, an agency of the directory, and the form's fields as a browser sends
 * them.
 */
abstract class SupportPlanFormFixture {

	@LocalServerPort
	int port;

	@Autowired
	TestCases testCases;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestCommune commune;

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
		officerName = commune.officer();
		officer = testCases.user(officerName);
		chair = testCases.user(commune.chair());
		agent = new TestUserAgent(port);
		agent.signIn(officerName);
	}

	/** One row of the plan's form, its dates as days from today. */
	record Row(String measure, String details, AgencyId agency, String person, int from, int until, String resources) {

		static final Row BLANK = new Row("", "", null, "", -1, -1, "");

	}

	CaseId inPlanning(String child) {
		CaseId id = commune.harmConfirmed(ReportDrafts.at(testUnits.caiKhe())
			.withChild(child, 8, null)
			.withHarm(HarmForm.SEXUAL_MOLESTATION)
			.withAccount("Hàng xóm báo trẻ bị đánh.")
			.build(), Actor.of(officer, "ip"), "Có dấu hiệu bạo lực.");
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

}
