package vn.trean.referrals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.cases.CaseId;
import vn.trean.cases.CaseReferralFacts;
import vn.trean.cases.CaseWorkflow;
import vn.trean.cases.TestCases;
import vn.trean.children.ChildId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.shared.Time;
import vn.trean.shared.WebShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the grounds tests share: a case of Tân An about one child of the age given, past
 * verification (so referrals may be made from it), its officer signed in, and the consent
 * form as the page offers it.
 */
class GroundsFixture {

	private final int port;

	private final TestAccounts accounts;

	private final TestCases cases;

	private final Intake intake;

	private final CaseWorkflow workflow;

	private final CaseReferralFacts facts;

	private final TestClock clock;

	private final MessageSource messages;

	final JdbcClient jdbc;

	GroundsFixture(int port, ApplicationContext context) {
		this.port = port;
		this.accounts = context.getBean(TestAccounts.class);
		this.cases = context.getBean(TestCases.class);
		this.intake = context.getBean(Intake.class);
		this.workflow = context.getBean(CaseWorkflow.class);
		this.facts = context.getBean(CaseReferralFacts.class);
		this.clock = context.getBean(TestClock.class);
		this.messages = context.getBean(MessageSource.class);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	/**
	 * A case in initial assessment about one child of about that age, and its officer.
	 */
	record Opened(CaseId id, ChildId child, String officer) {
	}

	Opened caseAbout(String childName, int age) {
		String officer = accounts.create(Role.COMMUNE_OFFICER, ReferralFixture.TAN_AN);
		CurrentUser operator = cases.user(accounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO));
		CaseId id = cases.caseOf(intake.record(operator,
				ReportDrafts.at(communeOf(officer))
					.withChild(childName, age)
					.withHarm(HarmForm.VIOLENCE)
					.withAccount("Trẻ bị đánh.")
					.build()));
		Actor actor = Actor.of(cases.user(officer), "ip");
		workflow.startVerification(actor, id, cases.version(id));
		workflow.confirmHarm(actor, id, cases.version(id), "Xác minh tại nhà: có dấu hiệu bạo lực.");
		return new Opened(id, facts.find(id).orElseThrow().children().get(0), officer);
	}

	private long communeOf(String officer) {
		return cases.user(officer).jurisdiction().value();
	}

	TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).location()).endsWith("/");
		agent.get("/");
		return agent;
	}

	String officerOf(String unitCode) {
		return accounts.create(Role.COMMUNE_OFFICER, unitCode);
	}

	String chair() {
		return accounts.create(Role.COMMUNE_CHAIR, ReferralFixture.TAN_AN);
	}

	/** A consent of the parent given orally before a witness, as the form sends it. */
	Map<String, String> carerConsent(Opened opened, String carer, String witness) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("child", String.valueOf(opened.child().value()));
		form.put("purpose", "HEALTH_CARE");
		form.put("carerName", carer);
		form.put("carerRole", "PARENT");
		form.put("carerMethod", "ORAL");
		form.put("carerGivenAt", now().toString());
		form.put("carerWitnessName", witness);
		form.put("carerWitnessRole", "Trưởng ấp");
		return form;
	}

	/** The child's own consent added to the form, given in the way said. */
	Map<String, String> withChild(Map<String, String> form, String name, String method) {
		Map<String, String> both = new LinkedHashMap<>(form);
		both.put("childConsents", "true");
		both.put("childName", name);
		both.put("childMethod", method);
		both.put("childGivenAt", now().toString());
		return both;
	}

	/** Sends the consent form of the grounds page with the fields and the file given. */
	TestUserAgent.Response sendConsent(TestUserAgent agent, CaseId id, Map<String, String> fields,
			TestUserAgent.FilePart file) {
		Element form = Jsoup.parse(agent.get("/cases/" + id + "/grounds").body()).selectFirst("#consent-form");
		assertThat(form).as("the consent form on the grounds page").isNotNull();
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("version", form.selectFirst("input[name=version]").val());
		return agent.postMultipart(form.attr("action"), all, file);
	}

	static TestUserAgent.FilePart noFile() {
		return new TestUserAgent.FilePart("file", "", "application/octet-stream", new byte[0]);
	}

	static TestUserAgent.FilePart signedForm() {
		return new TestUserAgent.FilePart("file", "dong-y.pdf", "application/pdf",
				"%PDF-1.4\n% Biên bản đồng ý có chữ ký\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	LocalDateTime now() {
		return LocalDateTime.now(clock.withZone(Time.ZONE)).truncatedTo(ChronoUnit.MINUTES);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

	String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, WebShell.VIETNAMESE);
	}

	long count(String sql, Object... params) {
		var statement = jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query(Long.class).single();
	}

}
