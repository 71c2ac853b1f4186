package vn.trean.referrals;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.trean.IntegrationTest;
import vn.trean.TestUserAgent;
import vn.trean.cases.TestCases;
import vn.trean.identity.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.TestPdfs.text;
import static vn.trean.referrals.GroundsFixture.noFile;

/**
 * A consent withdrawn and a consent printed: the ground is no longer in force, the
 * timeline and the audit log say so with the open referrals that relied on it, the page
 * lists what was already shared, and the printed record names who consented.
 */
@IntegrationTest
@RecordApplicationEvents
class ConsentWithdrawalIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	SharingGrounds grounds;

	@Autowired
	TestCases testCases;

	@Autowired
	ApplicationEvents events;

	GroundsFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new GroundsFixture(port, context);
	}

	@Test
	void aWithdrawnConsentIsNoGroundAndThePageListsWhatWasAlreadyShared() {
		GroundsFixture.Opened opened = fixture.caseAbout("Phan Thị Mười Một", 11);
		TestUserAgent officer = fixture.signedIn(opened.officer());
		long consent = consent(officer, opened);
		String referral = sentReferral(opened, consent);
		fixture.jdbc.sql("""
				INSERT INTO referral_disclosure (referral_id, at, channel, viewer, fields, consent_id)
				SELECT id, now(), 'PAGE', 'Bác sĩ Trần Khám', 'CHILD_NAME, HEALTH_NEEDS', :consent
				FROM referral WHERE reference_code = :code""")
			.param("consent", consent)
			.param("code", referral)
			.update();

		var withdrawn = officer.post("/cases/" + opened.id() + "/grounds/consents/" + consent + "/withdraw",
				Map.of("consent", String.valueOf(consent), "withdrawnBy", "CHILD", "withdrawalNote",
						"Trẻ không muốn chia sẻ thêm."));

		assertThat(withdrawn.status()).isEqualTo(302);
		assertThat(grounds.inForce(opened.id(), opened.child(), SharingPurpose.HEALTH_CARE, fixture.today())).isEmpty();
		String page = officer.get("/cases/" + opened.id() + "/grounds").body();
		assertThat(page).contains(fixture.message("grounds.state.WITHDRAWN"), referral, "Bác sĩ Trần Khám",
				"CHILD_NAME, HEALTH_NEEDS", "Trẻ không muốn chia sẻ thêm.");
		assertThat(fixture.jdbc.sql("SELECT text FROM case_entry WHERE case_id = ? AND kind = 'CONSENT_WITHDRAWN'")
			.param(opened.id().value())
			.query(String.class)
			.single()).contains(": 1.");
		assertThat(fixture.count("""
				SELECT count(*) FROM audit_entry WHERE action = 'CONSENT_WITHDRAWN' AND target_type = 'CASE'
				  AND target_id = ?""", opened.id().toString())).isEqualTo(1);
	}

	@Test
	void aConsentIsWithdrawnOnceAndThenANewOneMayBeRecorded() {
		GroundsFixture.Opened opened = fixture.caseAbout("Phan Văn Mười Hai", 12);
		TestUserAgent officer = fixture.signedIn(opened.officer());
		long consent = consent(officer, opened);
		String withdraw = "/cases/" + opened.id() + "/grounds/consents/" + consent + "/withdraw";
		Map<String, String> form = Map.of("consent", String.valueOf(consent), "withdrawnBy", "CARER", "withdrawalNote",
				"Cha rút lại.");

		var noNote = officer.post(withdraw, Map.of("consent", String.valueOf(consent), "withdrawnBy", "CARER"));
		officer.post(withdraw, form);
		var again = officer.post(withdraw, form);

		assertThat(noNote.status()).isEqualTo(422);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains(fixture.message("consent.already-withdrawn"));
		assertThat(fixture.count("SELECT count(*) FROM case_entry WHERE case_id = ? AND kind = 'CONSENT_WITHDRAWN'",
				opened.id().value()))
			.isEqualTo(1);
		assertThat(consent(officer, opened)).isNotEqualTo(consent);
		assertThat(grounds.inForce(opened.id(), opened.child(), SharingPurpose.HEALTH_CARE, fixture.today()))
			.isPresent();
	}

	@Test
	void aWithdrawalIsPublishedForTheReferralsThatReliedOnTheConsent() {
		GroundsFixture.Opened opened = fixture.caseAbout("Phan Văn Mười Bốn", 14);
		long consent = consent(fixture.signedIn(opened.officer()), opened);

		grounds.withdrawConsent(Actor.of(testCases.user(opened.officer()), "ip"), consent,
				new Withdrawal(Withdrawal.By.CARER, "Mẹ rút lại."));

		assertThat(events.stream(ConsentWithdrawn.class))
			.containsExactly(new ConsentWithdrawn(consent, opened.id(), opened.child(), SharingPurpose.HEALTH_CARE));
	}

	@Test
	void thePrintedConsentNamesWhoConsentedHowAndBeforeWhomAndIsInTheAccessLog() {
		GroundsFixture.Opened opened = fixture.caseAbout("Phan Thị Mười Ba", 13);
		TestUserAgent officer = fixture.signedIn(opened.officer());
		long consent = consent(officer, opened);

		TestUserAgent.Download pdf = officer
			.download("/cases/" + opened.id() + "/grounds/consents/" + consent + "/print");

		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(text(pdf.body())).contains(GroundPrintouts.CONSENT_TITLE, "Phan Thị Mười Ba", "Phan Văn Cha",
				"Ông Nguyễn Chứng", fixture.message("consent.method.ORAL"),
				fixture.message(SharingPurpose.HEALTH_CARE.key()),
				fixture.message("referral.field.INJURIES_AND_DANGER_SIGNS"), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"NGƯỜI LẬP BIÊN BẢN");
		assertThat(fixture.count("""
				SELECT count(*) FROM audit_entry WHERE action = 'RECORD_VIEWED' AND target_type = 'CASE'
				  AND target_id = ? AND detail LIKE ?""", opened.id().toString(), "%PRINT consent " + consent + "%"))
			.isEqualTo(1);
		assertThat(officer.get("/cases/" + opened.id() + "/grounds/consents/" + (consent + 100000) + "/print").status())
			.isEqualTo(404);
	}

	/** Records a parent's oral consent for health care; answers its id. */
	private long consent(TestUserAgent officer, GroundsFixture.Opened opened) {
		Map<String, String> form = fixture.withChild(fixture.carerConsent(opened, "Phan Văn Cha", "Ông Nguyễn Chứng"),
				"Con", "ORAL");
		form.put("childWitnessName", "Ông Nguyễn Chứng");
		assertThat(fixture.sendConsent(officer, opened.id(), form, noFile()).status()).isEqualTo(302);
		return grounds.inForce(opened.id(), opened.child(), SharingPurpose.HEALTH_CARE, fixture.today())
			.orElseThrow()
			.consentId();
	}

	/** A referral sent on the consent to a health facility of the commune; its code. */
	private String sentReferral(GroundsFixture.Opened opened, long consent) {
		String code = "CG-T-" + Long.toHexString(System.nanoTime()).substring(0, 10);
		long unit = fixture.jdbc.sql("SELECT unit_id FROM protection_case WHERE id = ?")
			.param(opened.id().value())
			.query(Long.class)
			.single();
		long agency = fixture.jdbc
			.sql("""
					INSERT INTO agency (name, search_key, sector, unit_id, created_at, updated_at)
					VALUES ('Trạm Y tế Cái Khế', 'tram y te cai khe', 'HEALTH_FACILITY', :unit, now(), now()) RETURNING id""")
			.param("unit", unit)
			.query(Long.class)
			.single();
		long officer = fixture.jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.param(opened.officer())
			.query(Long.class)
			.single();
		fixture.jdbc.sql("""
				INSERT INTO referral (id, reference_code, case_id, child_id, unit_id, agency_id, agency_unit_id, sector,
				  purpose, state, sent_consent_id, created_by, created_at, sent_at)
				VALUES (:id, :code, :case, :child, :unit, :agency, :unit, 'HEALTH_FACILITY', 'HEALTH_CARE', 'SENT',
				  :consent, :officer, :at, :at)""")
			.param("id", UUID.randomUUID())
			.param("code", code)
			.param("case", opened.id().value())
			.param("child", opened.child().value())
			.param("unit", unit)
			.param("agency", agency)
			.param("consent", consent)
			.param("officer", officer)
			.param("at", Timestamp.from(java.time.Instant.now()))
			.update();
		return code;
	}

}
