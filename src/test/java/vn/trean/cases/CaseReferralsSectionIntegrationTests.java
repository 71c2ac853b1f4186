package vn.trean.cases;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case page's section "Chuyển gửi": the referrals the module that sends them lists
 * for the reader (none: the section says so), each linked by its code with its agency,
 * services, state and the day it was sent; and the link to a new referral, only for a
 * reader who may send one where the case is, once the case is assessed and while it is
 * open.
 */
@IntegrationTest
@Import(TestCaseReferrals.class)
class CaseReferralsSectionIntegrationTests extends DecisionPagesFixture {

	@Autowired
	TestCaseReferrals.Given referrals;

	@Test
	void withoutReferralsTheSectionSaysThereAreNone() {
		Document page = page(officerName);

		assertThat(page.selectFirst("#referrals h2").text()).isEqualTo(message("case.referrals.title"));
		assertThat(page.selectFirst("#referrals-none").text()).isEqualTo(message("case.referrals.none"));
		assertThat(page.selectFirst("#referral-lines")).isNull();
	}

	@Test
	void eachReferralShowsItsLinkedCodeAgencyServicesStateAndTheDayItWasSent() {
		// message keys the bundles hold today; the referrals module brings its own
		referrals.give(id, List.of(),
				List.of(new CaseReferrals.ReferralLine("/referrals/5", "CG-2026-000005", "Trường Tiểu học Cái Khế",
						"case-status.IN_IMPLEMENTATION", Instant.parse("2026-12-01T18:30:00Z"),
						List.of("measure.EDUCATION_SUPPORT", "measure.CHILD_COUNSELLING")),
						new CaseReferrals.ReferralLine("/referrals/6", "CG-2026-000006", "Trạm Y tế phường Cái Khế",
								"case-status.RECEIVED", null, List.of("measure.MEDICAL_CARE"))));

		Document page = page(officerName);

		assertThat(page.selectFirst("#referrals-none")).isNull();
		Element sent = page.selectFirst("#referral-lines tr[data-code=CG-2026-000005]");
		assertThat(sent.selectFirst("a.referral-code").attr("href")).isEqualTo("/referrals/5");
		assertThat(sent.selectFirst("a.referral-code").text()).isEqualTo("CG-2026-000005");
		assertThat(sent.selectFirst(".referral-agency").text()).isEqualTo("Trường Tiểu học Cái Khế");
		assertThat(sent.selectFirst(".referral-services").text())
			.isEqualTo(message("measure.EDUCATION_SUPPORT") + ", " + message("measure.CHILD_COUNSELLING"));
		assertThat(sent.selectFirst(".referral-state").text()).isEqualTo(message("case-status.IN_IMPLEMENTATION"));
		assertThat(sent.selectFirst(".referral-sent-on").text()).as("the day in Viet Nam").isEqualTo("02/12/2026");
		assertThat(sent.selectFirst(".referral-sent-on").attr("data-label"))
			.isEqualTo(message("case.referrals.sent-on"));
		Element draft = page.selectFirst("#referral-lines tr[data-code=CG-2026-000006]");
		assertThat(draft.selectFirst(".referral-sent-on").text()).isEqualTo(message("case.referrals.not-sent"));
	}

	@Test
	void anEnglishReaderReadsTheDayInWords() {
		referrals.give(id, List.of(),
				List.of(new CaseReferrals.ReferralLine("/referrals/5", "CG-2026-000005", "Trường Tiểu học Cái Khế",
						"case-status.IN_IMPLEMENTATION", Instant.parse("2026-12-01T18:30:00Z"), List.of())));
		TestUserAgent agent = signedIn(officerName);
		agent.get("/cases/" + id + "?lang=en");

		Document page = Jsoup.parse(agent.get("/cases/" + id).body());

		assertThat(page.selectFirst("#referrals h2").text()).isEqualTo("Referrals");
		assertThat(page.selectFirst(".referral-sent-on").text()).isEqualTo("2 December 2026");
	}

	@Test
	void aNewReferralIsOfferedToTheOfficerOnlyOnceTheCaseIsAssessedAndWhileItIsOpen() {
		assertThat(page(officerName).selectFirst("#new-referral")).as("received").isNull();
		workflow.startVerification(as(officer), id, version());
		assertThat(page(officerName).selectFirst("#new-referral")).as("verifying").isNull();

		workflow.confirmHarm(as(officer), id, version(), "Trẻ có vết bầm ở lưng.");

		Element link = page(officerName).selectFirst("#referrals #new-referral");
		assertThat(link.attr("href")).isEqualTo("/cases/" + id + "/referrals/new");
		assertThat(link.text()).isEqualTo(message("case.referrals.new"));
		assertThat(link.hasClass("secondary")).isTrue();
	}

	@Test
	void aNewReferralIsOfferedToAProvincialManagerButNeverToTheChairOrOnAClosedCase() {
		readyToClose();
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO);
		assertThat(page(manager).selectFirst("#new-referral")).as("provincial manager").isNotNull();
		assertThat(page(officerName).selectFirst("#new-referral")).as("officer, in review").isNotNull();
		assertThat(page(chairName).selectFirst("#new-referral")).as("the chair sends none").isNull();
		assertThat(page(chairName).selectFirst("#referrals")).as("but reads the section").isNotNull();

		workflow.close(as(chair), id, version(), null);

		assertThat(page(officerName).selectFirst("#new-referral")).as("closed").isNull();
		assertThat(page(officerName).selectFirst("#referrals")).isNotNull();
	}

	private Document page(String username) {
		return Jsoup.parse(signedIn(username).get("/cases/" + id).body());
	}

}
