package vn.trean.referrals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.Chromium;
import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.cases.CaseId;
import vn.trean.cases.TestCases;
import vn.trean.cases.TestCommune;
import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Relation;
import vn.trean.intake.Setting;
import vn.trean.registers.TestRegisters;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Time;
import vn.trean.shared.WebShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The referral journey in a real browser on a phone's screen: a case of sexual abuse of a
 * 9-year-old girl is referred to the commune police and to her school, with the mother's
 * and the child's consent; each focal point finds its referral in its inbox and sees its
 * own share (the school not the account); the police record the receipt, the forwarding
 * within 24 hours and a child-friendly interview by a trained investigator, and their
 * outcome; the school notes and reports its support; the case officer sees both outcomes
 * on the timeline; indicator 3.2 counts the school case as supported in time.
 */
@IntegrationTest
class ReferralBrowserTests {

	/** A text only the report's account holds, to find where it shows. */
	private static final String ACCOUNT = "Bé kể bị thầy giáo sàm sỡ trong phòng học sau giờ tan trường.";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestCommune commune;

	@Autowired
	TestCases testCases;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Directory directory;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	private final int year = LocalDate.now(Time.ZONE).getYear();

	@Test
	void aGirlsCaseIsReferredToThePoliceAndHerSchoolEachSeesItsShareReportsAndThe32FigureCountsIt() throws Exception {
		String officer = commune.officer();
		String childName = "Lê Thị Ngọc " + UUID.randomUUID().toString().substring(0, 6);
		CaseId caseId = commune.harmConfirmed(ReportDrafts.at(testUnits.caiKhe())
			.withChild(childName, 9)
			.withHarm(HarmForm.SEXUAL_MOLESTATION)
			.withSetting(Setting.SCHOOL)
			.withPerpetrator(Relation.TEACHER)
			.withAccount(ACCOUNT)
			.build(), Actor.of(testCases.user(officer), "127.0.0.1"), "Có dấu hiệu xâm hại tình dục");
		AgencyId police = agency("Công an phường Cái Khế", Sector.POLICE);
		AgencyId school = agency("Trường Tiểu học Cái Khế", Sector.SCHOOL);
		String policeFocal = testAccounts.create(Role.AGENCY_FOCAL_POINT, TestUnits.CAI_KHE, police, true);
		String schoolFocal = testAccounts.create(Role.AGENCY_FOCAL_POINT, TestUnits.CAI_KHE, school, true);
		long plan = planWith32();
		TestRegisters registers = new TestRegisters(context);
		Actor keeper = Actor.of(testCases.user(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO)),
				"127.0.0.1");
		long room = registers.childFriendlyRoom(keeper, testUnits.caiKhe(),
				"Phòng lấy lời khai thân thiện " + childName);
		long investigator = registers.trainedInvestigator(keeper, testUnits.caiKhe(), "Đại úy Trần Văn Minh");

		chromium.signIn(base(), officer);
		recordConsents(caseId);
		String toPolice = referAndSend(caseId, police, "CRIME_INVESTIGATION", "Đề nghị điều tra, lấy lời khai");
		String toSchool = referAndSend(caseId, school, "SCHOOL_SUPPORT", "Đề nghị hỗ trợ trẻ tại trường");
		signOut();

		chromium.signIn(base(), policeFocal);
		openFromInbox(toPolice);
		assertThat(chromium.find("#share").getText()).contains(childName, ACCOUNT);
		accept();
		String policeOutcome = investigate(room, investigator);
		signOut();

		chromium.signIn(base(), schoolFocal);
		openFromInbox(toSchool);
		assertThat(chromium.find("#share").getText()).contains(childName, "Lớp 4A").doesNotContain(ACCOUNT);
		assertThat(chromium.driver().findElements(By.cssSelector("#share dd[data-field=ACCOUNT]"))).isEmpty();
		assertThat(chromium.scrollWidth()).as("the referral page at 360 px")
			.isLessThanOrEqualTo(chromium.viewportWidth());
		accept();
		chromium.find("#text").sendKeys("Đã gặp cô chủ nhiệm, bố trí chỗ ngồi gần bàn giáo viên");
		chromium.find("#add-note").click();
		chromium.waiting()
			.until(ExpectedConditions.textToBe(By.cssSelector("#referral-state"),
					message("referral.state.IN_PROGRESS")));
		assertThat(chromium.find("#history").getText()).contains("bố trí chỗ ngồi gần bàn giáo viên");
		String schoolOutcome = supportAtSchool();
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
		signOut();

		chromium.signIn(base(), officer);
		chromium.driver().get(base() + "/cases/" + caseId);
		String timeline = chromium.find("#timeline").getText();
		assertThat(timeline).contains(message("entry.REFERRAL_COMPLETED"), message("entry.REFERRAL_FORWARDED"),
				policeOutcome, schoolOutcome);
		assertThat(chromium.find("#referral-lines tr[data-code='" + toSchool + "'] .referral-state").getText())
			.isEqualTo(message("referral.state.COMPLETED"));
		signOut();

		chromium.signIn(base(), testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));
		assertCountedAsSupportedInTime(plan, testCases.reference(caseId) + " · " + toSchool, childName);
	}

	/**
	 * On the grounds page: the mother's consent in writing (the signed form attached) and
	 * the girl's own before a named witness, once for the investigation and once for the
	 * support at school.
	 */
	private void recordConsents(CaseId caseId) throws Exception {
		Path form = Files.createTempFile("dong-y-", ".pdf");
		Files.writeString(form, "%PDF-1.4\n% Biên bản đồng ý có chữ ký\n%%EOF\n", StandardCharsets.UTF_8);
		try {
			for (String purpose : List.of("INVESTIGATION", "EDUCATION_SUPPORT")) {
				chromium.driver().get(base() + "/cases/" + caseId);
				chromium.find("#grounds-link").click();
				chromium.waiting().until(ExpectedConditions.urlContains("/grounds"));
				new Select(chromium.find("#consent-purpose")).selectByValue(purpose);
				chromium.find("#childConsents").click();
				giver("child", "Ngọc", "ORAL");
				chromium.find("#childWitnessName").sendKeys("Nguyễn Thị Lan");
				chromium.find("#childWitnessRole").sendKeys("Giáo viên chủ nhiệm");
				new Select(chromium.find("#carerRole")).selectByValue("PARENT");
				giver("carer", "Lê Thị Hằng (mẹ)", "WRITTEN");
				chromium.find("#file").sendKeys(form.toString());
				chromium.find("#record-consent").click();
				chromium.waiting()
					.until(ExpectedConditions.numberOfElementsToBeMoreThan(
							By.cssSelector("#grounds tr[data-state=IN_FORCE]"),
							purpose.equals("INVESTIGATION") ? 0 : 1));
			}
		}
		finally {
			Files.deleteIfExists(form);
		}
		assertThat(chromium.find("#grounds").getText()).contains("Lê Thị Hằng (mẹ)", "Nguyễn Thị Lan");
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
	}

	private void giver(String prefix, String name, String method) {
		chromium.find("#" + prefix + "Name").sendKeys(name);
		new Select(chromium.find("#" + prefix + "Method")).selectByValue(method);
		type("#" + prefix + "GivenAt", LocalDateTime.now(Time.ZONE).truncatedTo(ChronoUnit.MINUTES).toString());
	}

	/**
	 * From the case page's "new referral" link: drafts the referral of the girl to the
	 * agency for the service, and sends it; answers its code.
	 */
	private String referAndSend(CaseId caseId, AgencyId agency, String service, String support) {
		WebDriver browser = chromium.driver();
		browser.get(base() + "/cases/" + caseId);
		WebElement link = chromium.find("#new-referral");
		assertThat(link.getText()).isEqualTo(message("case.referrals.new"));
		link.click();
		chromium.waiting().until(ExpectedConditions.urlContains("/referrals/new"));
		assertThat(chromium.scrollWidth()).as("the new referral at 360 px")
			.isLessThanOrEqualTo(chromium.viewportWidth());
		new Select(chromium.find("#agency")).selectByValue(Long.toString(agency.value()));
		chromium.find("label[for=service-" + service + "]").click();
		chromium.find("#supportRequested").sendKeys(support);
		chromium.find("#childClass").sendKeys("Lớp 4A");
		chromium.find("form[action$='/referrals'] button[type=submit]").click();
		chromium.find("#send").click();
		chromium.waiting()
			.until(ExpectedConditions.textToBe(By.cssSelector("#referral-state"), message("referral.state.SENT")));
		return chromium.find("h1").getText().replaceAll(".*\\s", "");
	}

	/** The focal point's inbox lists the referral; its link opens it. */
	private void openFromInbox(String code) {
		chromium.driver().get(base() + "/referrals/inbox");
		WebElement row = chromium.find("#inbox tr[data-code='" + code + "']");
		assertThat(row.getText()).contains(message("referral.state.SENT"));
		assertThat(chromium.scrollWidth()).as("the inbox at 360 px").isLessThanOrEqualTo(chromium.viewportWidth());
		row.findElement(By.cssSelector("a")).click();
		chromium.waiting().until(ExpectedConditions.urlMatches("/referrals/[0-9a-f-]{36}$"));
	}

	/** Accepts the referral on its page. */
	private void accept() {
		chromium.find("#accept").click();
		chromium.waiting()
			.until(ExpectedConditions.textToBe(By.cssSelector("#referral-state"), message("referral.state.ACCEPTED")));
	}

	/**
	 * The police record the receipt and the forwarding to the investigation agency, the
	 * girl's interview in the child-friendly room by the trained investigator with her
	 * mother present, and the prosecution opened; answers the outcome's summary.
	 */
	private String investigate(long room, long investigator) {
		String now = LocalDateTime.now(Time.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
		type("#receivedAt", now);
		type("#forwardedAt", now);
		chromium.find("#forwardedTo").sendKeys("Cơ quan CSĐT Công an thành phố Cần Thơ");
		chromium.find("#record-forwarding").click();
		assertThat(chromium.find("#police-record").getText()).contains("Cơ quan CSĐT Công an thành phố Cần Thơ");
		type("#heldAt", now);
		new Select(chromium.find("#room")).selectByValue(Long.toString(room));
		new Select(chromium.find("#investigator")).selectByValue(Long.toString(investigator));
		chromium.find("#supportPerson").sendKeys("Mẹ của bé");
		chromium.find("#record-interview").click();
		assertThat(chromium.find("#interviews").getText()).contains(message("referral.interview.child-friendly"),
				message("referral.interview.trained"), "Đại úy Trần Văn Minh", "Mẹ của bé");
		type("#completedOn", LocalDate.now(Time.ZONE).toString());
		chromium.find("label[for=forensicRequested]").click();
		chromium.find("label[for=forensicDone]").click();
		new Select(chromium.find("#decision")).selectByValue("PROSECUTION_OPENED");
		type("#decidedOn", LocalDate.now(Time.ZONE).toString());
		return completed(message("referral.outcome.police.decision.PROSECUTION_OPENED"));
	}

	/**
	 * The school records its support: a change of seat, three counselling sessions, the
	 * girl stays in school; answers the outcome's summary.
	 */
	private String supportAtSchool() {
		type("#completedOn", LocalDate.now(Time.ZONE).toString());
		chromium.find("label[for=measure-CLASS_OR_SEAT_CHANGE]").click();
		chromium.find("label[for=measure-COUNSELLING]").click();
		chromium.find("#counsellingSessions").sendKeys("3");
		chromium.find("label[for=staysInSchool]").click();
		chromium.find("#note").sendKeys("Cô chủ nhiệm theo dõi hằng tuần");
		return completed(message("referral.outcome.summary.stays-in-school"));
	}

	/** Sends the outcome form; the referral is completed with a summary saying so. */
	private String completed(String said) {
		chromium.find("#complete").click();
		chromium.waiting()
			.until(ExpectedConditions.textToBe(By.cssSelector("#referral-state"), message("referral.state.COMPLETED")));
		String summary = chromium.find("#outcome-summary").getText();
		assertThat(summary).contains(said);
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
		return summary;
	}

	/** Sets a date or time control, as its picker would. */
	private void type(String css, String value) {
		chromium.script("arguments[0].value = arguments[1]", chromium.find(css), value);
	}

	/**
	 * The manager opens 3.2 on the plan's progress page, follows Cái Khế's figure to its
	 * trace and finds the school case among those supported in time, named by its codes
	 * and never by the child's name.
	 */
	private void assertCountedAsSupportedInTime(long plan, String codes, String childName) {
		long caiKhe = testUnits.caiKhe().value();
		chromium.driver().get(base() + "/plans/" + plan + "/progress?period=" + year);
		chromium.find("#indicator-3\\.2 th a").click();
		chromium.find("#unit-" + caiKhe + " a").click();
		chromium.waiting().until(ExpectedConditions.urlContains("/progress/trace"));
		assertThat(chromium.find("#records-numerator").getText()).contains(codes);
		assertThat(chromium.driver().getPageSource()).doesNotContain(childName);
	}

	private AgencyId agency(String name, Sector sector) {
		return directory
			.registerDemo(new Directory.AgencyDetails(name + " " + UUID.randomUUID().toString().substring(0, 6), sector,
					testUnits.caiKhe(), null, null, null, null));
	}

	/** A plan of Cần Thơ of its own for this year, with indicator 3.2. */
	private long planWith32() {
		long plan = jdbc.sql("""
				INSERT INTO plan (province_unit_id, number, title, issuer, start_year, end_year, status, created_at)
				VALUES (?, ?, 'Kế hoạch kiểm thử chuyển gửi', 'Ủy ban nhân dân thành phố Cần Thơ', ?, ?, 'ACTIVE',
				  now()) RETURNING id""")
			.params(List.of(testUnits.canTho().value(), "R" + System.nanoTime() + "/KH-UBND", year, year))
			.query(Long.class)
			.single();
		long objective = jdbc
			.sql("INSERT INTO plan_objective (plan_id, ordinal, text) VALUES (?, 1, 'Mục tiêu') RETURNING id")
			.param(plan)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO plan_indicator (plan_id, objective_id, code, name, unit_of_measure, numerator_definition,
				  denominator_definition, desired_direction, source_kind, is_coverage, ordinal)
				VALUES (?, ?, '3.2', 'Tỷ lệ người học bị bạo lực học đường, bị xâm hại tình dục được hỗ trợ kịp thời',
				  'PERCENT', 'Số người học được hỗ trợ kịp thời', 'Số người học được phát hiện', 'INCREASE',
				  'REGISTER', TRUE, 1)""").params(List.of(plan, objective)).update();
		return plan;
	}

	private void signOut() {
		chromium.find("form[action$='/logout'] button").click();
		chromium.waiting().until(ExpectedConditions.urlContains("/login"));
	}

	private String message(String key) {
		return messages.getMessage(key, null, WebShell.VIETNAMESE);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
