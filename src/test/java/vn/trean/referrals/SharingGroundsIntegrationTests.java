package vn.trean.referrals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.referrals.GroundsFixture.noFile;
import static vn.trean.referrals.GroundsFixture.signedForm;

/**
 * Recording the grounds for sharing a child's information over HTTP: a consent given in
 * writing and orally, the consents the law does not count, a legal basis without what it
 * needs, and who may record them.
 */
@IntegrationTest
class SharingGroundsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	SharingGrounds grounds;

	GroundsFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new GroundsFixture(port, context);
	}

	@Test
	void aNineYearOldsWrittenConsentAndHerFathersOralOneAreTheGroundInForce() {
		GroundsFixture.Opened opened = fixture.caseAbout("Võ Thị Chín", 9);
		TestUserAgent officer = fixture.signedIn(opened.officer());

		var done = fixture.sendConsent(officer, opened.id(),
				fixture.withChild(fixture.carerConsent(opened, "Võ Văn Cha", "Lê Văn Chứng"), "Võ Thị Chín", "WRITTEN"),
				signedForm());

		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).endsWith("/cases/" + opened.id() + "/grounds");
		var ground = grounds.inForce(opened.id(), opened.child(), SharingPurpose.HEALTH_CARE, fixture.today());
		assertThat(ground).hasValueSatisfying(g -> {
			assertThat(g.consentId()).isNotNull();
			assertThat(g.basisId()).isNull();
		});
		assertThat(grounds.inForce(opened.id(), opened.child(), SharingPurpose.INVESTIGATION, fixture.today()))
			.isEmpty();
		assertThat(fixture.count("""
				SELECT count(*) FROM consent_giver WHERE consent_id = ? AND ((role = 'CHILD' AND method = 'WRITTEN'
				  AND attachment_id IS NOT NULL) OR (role = 'PARENT' AND witness_name = 'Lê Văn Chứng'))""",
				ground.get().consentId()))
			.isEqualTo(2);
		String page = officer.get("/cases/" + opened.id() + "/grounds").body();
		assertThat(page).contains("Võ Văn Cha", "Võ Thị Chín", "Lê Văn Chứng",
				fixture.message("grounds.state.IN_FORCE"));
		assertThat(fixture.count("SELECT count(*) FROM case_entry WHERE case_id = ? AND kind = 'CONSENT_RECORDED'",
				opened.id().value()))
			.isEqualTo(1);
		assertThat(fixture.count("""
				SELECT count(*) FROM audit_entry WHERE action = 'CONSENT_RECORDED' AND target_type = 'CASE'
				  AND target_id = ?""", opened.id().toString())).isEqualTo(1);
	}

	@Test
	void aChildUnderSevenGivenAsConsentingIsRefusedWithTheReasonAndNothingIsStored() {
		GroundsFixture.Opened opened = fixture.caseAbout("Võ Thị Năm", 5);
		TestUserAgent officer = fixture.signedIn(opened.officer());
		long attachments = attachments(opened);

		var refused = fixture.sendConsent(officer, opened.id(),
				fixture.withChild(fixture.carerConsent(opened, "Võ Văn Cha", "Lê Văn Chứng"), "Võ Thị Năm", "WRITTEN"),
				signedForm());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains(fixture.message("consent.child-under-seven"));
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(refused.body());
		assertThat(page.select(".error-summary a[href=#childName]")).isNotEmpty();
		assertThat(page.getElementById("childName")).isNotNull();
		assertThat(page.getElementById("childName").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.getElementById("childConsents").hasAttr("checked")).as("the form as typed").isTrue();
		assertThat(consents(opened)).isZero();
		assertThat(attachments(opened)).isEqualTo(attachments);
		assertThat(grounds.inForce(opened.id(), opened.child(), SharingPurpose.HEALTH_CARE, fixture.today())).isEmpty();
	}

	@Test
	void aSevenYearOldsParentCannotConsentAloneButMayForAFiveYearOld() {
		GroundsFixture.Opened seven = fixture.caseAbout("Võ Văn Bảy", 7);
		GroundsFixture.Opened five = fixture.caseAbout("Võ Văn Năm", 5);

		var refused = fixture.sendConsent(fixture.signedIn(seven.officer()), seven.id(),
				fixture.carerConsent(seven, "Võ Văn Cha", "Lê Văn Chứng"), noFile());
		var done = fixture.sendConsent(fixture.signedIn(five.officer()), five.id(),
				fixture.carerConsent(five, "Võ Văn Cha", "Lê Văn Chứng"), noFile());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains(fixture.message("consent.child-required"));
		assertThat(consents(seven)).isZero();
		assertThat(done.status()).isEqualTo(302);
		assertThat(grounds.inForce(five.id(), five.child(), SharingPurpose.HEALTH_CARE, fixture.today())).isPresent();
		assertThat(grounds.inForce(five.id(), five.child(), SharingPurpose.HEALTH_CARE, fixture.today().plusYears(2)))
			.as("the parent's consent alone once the child is 7")
			.isEmpty();
	}

	@Test
	void aSecondConsentForTheSameChildAndPurposeIsRefusedAsAlreadyInForce() {
		GroundsFixture.Opened opened = fixture.caseAbout("Võ Văn Sáu", 6);
		TestUserAgent officer = fixture.signedIn(opened.officer());
		fixture.sendConsent(officer, opened.id(), fixture.carerConsent(opened, "Võ Văn Cha", "Lê Văn Chứng"), noFile());

		var again = fixture.sendConsent(officer, opened.id(), fixture.carerConsent(opened, "Võ Thị Mẹ", "Lê Văn Chứng"),
				noFile());

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains(fixture.message("consent.already-in-force"));
		assertThat(consents(opened)).isEqualTo(1);
	}

	@Test
	void aRequestOfAnAuthorityWithoutTheRequestingBodyIsRefusedAndWithItIsTheGround() {
		GroundsFixture.Opened opened = fixture.caseAbout("Võ Văn Mười", 10);
		TestUserAgent officer = fixture.signedIn(opened.officer());
		officer.get("/cases/" + opened.id() + "/grounds");
		Map<String, String> basis = Map.of("child", String.valueOf(opened.child().value()), "purpose", "INVESTIGATION",
				"basis", "AUTHORITY_REQUEST", "requestReference", "15/CV-CSHS", "note", "Cơ quan điều tra yêu cầu.");

		var refused = officer.post("/cases/" + opened.id() + "/grounds/bases", basis);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains(fixture.message("basis.requester-required"));
		assertThat(fixture.count("SELECT count(*) FROM referral_legal_basis WHERE case_id = ?", opened.id().value()))
			.isZero();

		java.util.Map<String, String> complete = new java.util.HashMap<>(basis);
		complete.put("requestingBody", "Cơ quan Cảnh sát điều tra Công an TP Cần Thơ");
		assertThat(officer.post("/cases/" + opened.id() + "/grounds/bases", complete).status()).isEqualTo(302);
		assertThat(grounds.inForce(opened.id(), opened.child(), SharingPurpose.INVESTIGATION, fixture.today()))
			.hasValueSatisfying(g -> assertThat(g.summaryKey()).isEqualTo("legal-basis.AUTHORITY_REQUEST"));
		assertThat(fixture.count("SELECT count(*) FROM case_entry WHERE case_id = ? AND kind = 'LEGAL_BASIS_RECORDED'",
				opened.id().value()))
			.isEqualTo(1);
	}

	@Test
	void anOfficerOfAnotherCommuneIsRefusedThePageTheFormsAndThePrints() {
		GroundsFixture.Opened opened = fixture.caseAbout("Võ Văn Tám", 8);
		TestUserAgent elsewhere = fixture.signedIn(fixture.officerOf(TestUnits.NINH_KIEU));
		String base = "/cases/" + opened.id() + "/grounds";

		assertThat(elsewhere.get(base).status()).isEqualTo(403);
		assertThat(elsewhere
			.post(base + "/bases", Map.of("child", String.valueOf(opened.child().value()), "purpose", "INVESTIGATION",
					"basis", "DUTY_TO_REPORT_CRIME", "note", "Tố giác tội phạm"))
			.status()).isEqualTo(403);
		assertThat(elsewhere.get(base + "/bases/1/print").status()).isEqualTo(403);
		assertThat(fixture.count("SELECT count(*) FROM referral_legal_basis WHERE case_id = ?", opened.id().value()))
			.isZero();
	}

	@Test
	void theCasePageLinksTheGroundsForWhoMayHandleReferralsOnly() {
		GroundsFixture.Opened opened = fixture.caseAbout("Võ Văn Tư", 4);

		String officers = fixture.signedIn(opened.officer()).get("/cases/" + opened.id()).body();
		String chairs = fixture.signedIn(fixture.chair()).get("/cases/" + opened.id()).body();

		assertThat(officers).contains("/cases/" + opened.id() + "/grounds");
		assertThat(chairs).contains("case-status").doesNotContain("/cases/" + opened.id() + "/grounds");
		assertThat(fixture.signedIn(fixture.chair()).get("/cases/" + opened.id() + "/grounds").status()).isEqualTo(403);
	}

	@Test
	void aSignedFormThatIsNoPdfOrPictureIsRefusedAndNeitherTheFileNorTheConsentIsStored() {
		GroundsFixture.Opened opened = fixture.caseAbout("Võ Thị Mười Một", 11);
		TestUserAgent officer = fixture.signedIn(opened.officer());
		long attachments = attachments(opened);

		var refused = fixture.sendConsent(officer, opened.id(),
				fixture.withChild(fixture.carerConsent(opened, "Võ Văn Cha", "Lê Văn Chứng"), "Võ Thị Mười Một",
						"WRITTEN"),
				new TestUserAgent.FilePart("file", "dong-y.pdf", "application/pdf",
						"<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(org.jsoup.Jsoup.parse(refused.body()).select("#file-error")).isNotEmpty();
		assertThat(consents(opened)).isZero();
		assertThat(attachments(opened)).isEqualTo(attachments);

		var tooLarge = fixture.sendConsent(officer, opened.id(), Map.of(), new TestUserAgent.FilePart("file",
				"dong-y.pdf", "application/pdf", java.util.Arrays.copyOf(signedForm().content(), 13 * 1024 * 1024)));
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(org.jsoup.Jsoup.parse(tooLarge.body()).select("#consent-form #file-error")).isNotEmpty();
		assertThat(consents(opened)).isZero();
	}

	@Test
	void addressesWithIdsThatAreNoIdsAnswerNotFound() {
		GroundsFixture.Opened opened = fixture.caseAbout("Võ Văn Mười Hai", 12);
		TestUserAgent officer = fixture.signedIn(opened.officer());

		assertThat(officer.get("/cases/khong-phai-ma/grounds").status()).isEqualTo(404);
		assertThat(officer.get("/cases/" + opened.id() + "/grounds/consents/abc/print").status()).isEqualTo(404);
		assertThat(officer.get("/cases/" + java.util.UUID.randomUUID() + "/grounds").status()).isEqualTo(404);
		assertThat(officer
			.post("/cases/" + opened.id() + "/grounds/bases/987654321/end",
					Map.of("basisId", "987654321", "endNote", "Hết căn cứ"))
			.status()).isEqualTo(404);
	}

	private long consents(GroundsFixture.Opened opened) {
		return fixture.count("SELECT count(*) FROM referral_consent WHERE case_id = ?", opened.id().value());
	}

	private long attachments(GroundsFixture.Opened opened) {
		return fixture.count("SELECT count(*) FROM case_attachment WHERE case_id = ?", opened.id().value());
	}

}
