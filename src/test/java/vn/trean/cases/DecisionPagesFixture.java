package vn.trean.cases;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.Geography;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;

/**
 * What the tests of the decision pages share: an officer and a chair of Cái Khế, an
 * emergency case with a danger sign ticked, the steps that bring it to each decision, and
 * what the pages and the database say.
 */
abstract class DecisionPagesFixture {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCommune commune;

	@Autowired
	TestCases testCases;

	@Autowired
	TestUnits testUnits;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Autowired
	CaseTransfers transfers;

	@Autowired
	Geography geography;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	String officerName;

	String chairName;

	CurrentUser officer;

	CurrentUser chair;

	CaseId id;

	private final Map<String, TestUserAgent> agents = new HashMap<>();

	@BeforeEach
	void anEmergencyCase() {
		officerName = commune.officer();
		chairName = commune.chair();
		officer = testCases.user(officerName);
		chair = testCases.user(chairName);
		id = commune.reported(ReportDrafts.at(testUnits.caiKhe())
			.withChild("Lục Thị Hoà", 8)
			.withHarm(HarmForm.VIOLENCE, HarmForm.NEGLECT)
			.withPerpetratorAccess()
			.withAccount("Trẻ bị cha dượng đánh, bỏ đói.")
			.withDangerSigns(DangerSign.INJURIES_NEEDING_CARE, DangerSign.WITH_PERPETRATOR_NOW)
			.build());
	}

	/** Verified, harm confirmed and Mẫu 02 recorded recommending emergency measures. */
	void assessed() {
		workflow.confirmHarm(as(officer), id, version(), "Trẻ có vết bầm ở lưng, cha dượng vẫn ở nhà.");
		forms.recordInitialAssessment(as(officer), id, version(),
				new InitialAssessment(java.util.Arrays.stream(RiskItem.values())
					.map(i -> new InitialAssessment.RatedItem(i, Rating.HIGH, "Mô tả " + i.ordinal()))
					.toList(), "Nguy cơ cao: cần tách trẻ khỏi cha dượng.", true));
	}

	/** Assessed, the emergency decided, Mẫu 03 and a plan of two measures submitted. */
	void planSubmitted() {
		assessed();
		forms.recordEmergencyDecision(as(chair), id, version(), commune.emergencyDecision());
		forms.recordNeedsAssessment(as(officer), id, version(), new NeedsAssessment("Vết bầm", "Sợ hãi",
				"Sống với mẹ và cha dượng", Rating.LOW, "An toàn, trị liệu tâm lý", today(), "Cán bộ, mẹ", "Biên bản"));
		forms.draftPlan(as(officer), id, version(), new SupportPlan("Trẻ an toàn", List.of(
				new SupportPlan.PlannedMeasure(SupportMeasure.MEDICAL_CARE, "Khám vết thương", null, null,
						"Trạm y tế phường", today(), today().plusDays(14), "Bảo hiểm y tế"),
				new SupportPlan.PlannedMeasure(SupportMeasure.PSYCHOLOGICAL_THERAPY, null, null, null,
						"Trung tâm công tác xã hội", today().plusDays(1), today().plusMonths(3), "Ngân sách xã")),
				""));
		workflow.submitPlan(as(officer), id, version());
	}

	/** The plan approved, reviewed and Mẫu 06 recorded as safe to close. */
	void readyToClose() {
		planSubmitted();
		forms.decideOnPlan(as(chair), id, version(), new PlanDecision(true, "12/QĐ-UBND", today(), null));
		workflow.startReview(as(officer), id, version());
		forms.recordClosingAssessment(as(officer), id, version(),
				new ClosingAssessment(Rating.LOW, Rating.LOW, Rating.LOW, Rating.HIGH, "Trẻ an toàn, ổn định."));
	}

	Actor as(CurrentUser user) {
		return Actor.of(user, "127.0.0.1");
	}

	/**
	 * The user's one session in the test: signing in again within 30 s would replay the
	 * same one-time code, which is refused.
	 */
	TestUserAgent signedIn(String username) {
		return agents.computeIfAbsent(username, name -> {
			TestUserAgent agent = new TestUserAgent(port);
			agent.signIn(name);
			return agent;
		});
	}

	int version() {
		return testCases.version(id);
	}

	String status() {
		return jdbc.sql("SELECT status FROM protection_case WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.single();
	}

	long entries(String kind) {
		return jdbc.sql("SELECT count(*) FROM case_entry WHERE case_id = ? AND kind = ?")
			.param(id.value())
			.param(kind)
			.query(Long.class)
			.single();
	}

	long forms(CaseForm form) {
		return jdbc.sql("SELECT count(*) FROM case_form WHERE case_id = ? AND form = ?")
			.param(id.value())
			.param(form.name())
			.query(Long.class)
			.single();
	}

	LocalDate today() {
		return geography.today();
	}

	/**
	 * The primary actions of the page: buttons and button links that are neither
	 * secondary nor a warning.
	 */
	static List<Element> primaryActions(Document page) {
		return page.select("main button, main a.button")
			.stream()
			.filter(b -> !b.hasClass("secondary") && !b.hasClass("danger") && !b.hasClass("link"))
			.toList();
	}

	String message(String key, Object... args) {
		return messages.getMessage(key, args, VIETNAMESE);
	}

}
