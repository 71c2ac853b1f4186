package vn.trean.referrals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.children.ChildId;
import vn.trean.children.Sex;
import vn.trean.directory.Sector;
import vn.trean.geography.Geography;
import vn.trean.identity.Actor;
import vn.trean.identity.ApiPermission;
import vn.trean.identity.Role;
import vn.trean.intake.ReportDraft;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Time;
import vn.trean.shared.WebShell;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.referrals.ShareField.*;

/**
 * Each sector sees exactly its field set of a referral, and nothing else, on every
 * channel: the page, the printed referral, the inbox's CSV and the API (a referral and
 * the list). The referral carries a sentinel in every field (the girl's record, the
 * report, what the officer typed), and each is looked for on each channel, before and
 * after an administrator changes a set, with the reporter shared or not, and while a
 * withdrawn consent suspends the sharing.
 */
@IntegrationTest
class ShareMatrixIntegrationTests extends ReferralApiFixture {

	/**
	 * What each sector's agencies see, as V39 seeds it (PROCURACY for the sectors of no
	 * set of their own): the fields of a line, in display order.
	 */
	static final String MATRIX = """
			SCHOOL                CHILD_NAME CHILD_SEX CHILD_AGE CHILD_SCHOOL CHILD_CLASS SUPPORT_REQUESTED CASE_OFFICER_CONTACT
			HEALTH_FACILITY       CHILD_NAME CHILD_SEX CHILD_AGE CHILD_BIRTH_DATE HARM_FORMS INCIDENT_TIME INJURIES_AND_DANGER_SIGNS SUPPORT_REQUESTED CASE_OFFICER_CONTACT
			POLICE                CHILD_NAME CHILD_SEX CHILD_AGE CHILD_BIRTH_DATE CHILD_ID_NUMBER CHILD_ADDRESS CARER_CONTACT HARM_FORMS HARM_SETTING INCIDENT_PLACE INCIDENT_TIME ACCOUNT PERPETRATOR SUPPORT_REQUESTED CASE_OFFICER_CONTACT
			JUSTICE_AND_LEGAL_AID CHILD_NAME CHILD_SEX CHILD_AGE CHILD_BIRTH_DATE CHILD_ID_NUMBER CHILD_ADDRESS CARER_CONTACT LEGAL_QUESTION SUPPORT_REQUESTED CASE_OFFICER_CONTACT
			SHELTER_OR_NGO        CHILD_NAME CHILD_SEX CHILD_AGE VISITING_CARER HEALTH_NEEDS SUPPORT_REQUESTED CASE_OFFICER_CONTACT
			SOCIAL_WORK_CENTRE    CHILD_NAME CHILD_SEX CHILD_AGE CHILD_BIRTH_DATE CHILD_ID_NUMBER CHILD_ADDRESS CARER_CONTACT HARM_FORMS HARM_SETTING HEALTH_NEEDS SUPPORT_REQUESTED CASE_OFFICER_CONTACT
			PROCURACY             CHILD_NAME CHILD_SEX CHILD_AGE SUPPORT_REQUESTED CASE_OFFICER_CONTACT
			""";

	/** The service each sector is asked for. */
	static final Map<Sector, String> SERVICES = Map.of(Sector.SCHOOL, "SCHOOL_SUPPORT", Sector.HEALTH_FACILITY,
			"MEDICAL_EXAMINATION_TREATMENT", Sector.POLICE, "CRIME_INVESTIGATION", Sector.JUSTICE_AND_LEGAL_AID,
			"LEGAL_ADVICE_AID", Sector.SHELTER_OR_NGO, "TEMPORARY_SHELTER", Sector.SOCIAL_WORK_CENTRE,
			"SOCIAL_WORK_FOLLOW_UP", Sector.PROCURACY, "OTHER");

	/** What the officer types in the draft form: a sentinel in each field. */
	static final Map<String, String> TYPED = Map.of("supportRequested", "Hỗ trợ «support-requested»", "childClass",
			"Lớp «child-class»", "incidentTime", "Chiều «incident-time»", "injuries", "Vết bầm «injuries»",
			"healthNeeds", "Khám «health-needs»", "legalQuestion", "Hỏi «legal-question»", "carerContact",
			"Mẹ «carer-contact»", "visitingCarer", "Bà «visiting-carer»");

	/**
	 * The girl's parent as the report names her: shown nowhere, the officer typed the
	 * contact.
	 */
	static final String PARENT = "Cha «parent-name»";

	/**
	 * How a field is recognised: its text, which is either found nowhere else on a
	 * channel ({@code unique}) or a worded value found only next to its label.
	 */
	record Witness(String text, boolean unique) {
	}

	@Autowired
	MessageSource messages;

	@Autowired
	Geography geography;

	@Autowired
	ReferralSettings settings;

	LocalDate birthDate;

	String personalId;

	@Override
	ReportDrafts theGirl(ReportDrafts report, String name) {
		birthDate = LocalDate.now(Time.ZONE).minusYears(9).minusMonths(2);
		personalId = "0923" + String.format("%02d", birthDate.getYear() % 100)
				+ String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		return report.withChild(new ReportDraft.ChildEntry(name, Sex.FEMALE, birthDate, null, personalId,
				testUnits.caiKhe().value(), "Hẻm 7 «child-address»", "Trường Tiểu học «child-school»", PARENT, null));
	}

	@Test
	void eachSectorSeesExactlyItsSetOnThePageInThePrintAndInTheExport() {
		Map<Sector, List<ShareField>> matrix = matrix();
		assertThat(matrix.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES.keySet());
		SoftAssertions soft = new SoftAssertions();
		matrix.forEach((sector, expected) -> {
			Sent sent = sentTo(sector, TYPED);
			seesExactly(soft, sector.name(), sent, expected);
		});
		soft.assertAll();
	}

	@Test
	void anAdministratorsChangeOfTheSchoolsSetHoldsFromTheNextReadingOnEveryChannel() {
		Sent sent = sentTo(Sector.SCHOOL, TYPED);
		List<ShareField> changed = new ArrayList<>(matrix().get(Sector.SCHOOL));
		changed.remove(CHILD_CLASS);
		changed.add(HARM_FORMS);
		Actor admin = Actor.of(testCases.user(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92")), "198.18.9.7");
		try {
			settings.changeFieldSet(admin, Sector.SCHOOL, EnumSet.copyOf(changed), false);
			SoftAssertions soft = new SoftAssertions();
			seesExactly(soft, "SCHOOL changed", sent, sorted(changed));
			soft.assertAll();
		}
		finally {
			TestReferralSettings.reseedSchoolFields(jdbc);
		}
		SoftAssertions soft = new SoftAssertions();
		seesExactly(soft, "SCHOOL restored", sent, matrix().get(Sector.SCHOOL));
		soft.assertAll();
	}

	@Test
	void thePoliceSeeTheReporterOnlyWhenTheOfficerSharesItAndTheSchoolNeverIsToldIt() {
		Map<String, String> sharing = new LinkedHashMap<>(TYPED);
		sharing.put("shareReporter", "true");
		AgencyId school = agency("Trường Tiểu học Mỹ Khánh", Sector.SCHOOL, TestUnits.CAI_KHE);
		TestUserAgent.Response refused = postDraft(school, sharing, "SCHOOL_SUPPORT");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body())
			.contains(messages.getMessage("referral.reporter.not-allowed", null, WebShell.VIETNAMESE));
		assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE case_id = :id")
			.param("id", caseId.value())
			.query(Long.class)
			.single()).isZero();

		List<ShareField> police = new ArrayList<>(matrix().get(Sector.POLICE));
		SoftAssertions soft = new SoftAssertions();
		seesExactly(soft, "POLICE not told", sentTo(Sector.POLICE, TYPED), police);
		police.add(REPORTER_IDENTITY);
		seesExactly(soft, "POLICE told", sentTo(Sector.POLICE, sharing), police);
		soft.assertAll();
	}

	@Test
	void afterTheConsentIsWithdrawnTheAgencySeesNothingMoreUntilANewConsentIsRecorded() {
		Sent sent = sentTo(Sector.POLICE, TYPED);
		List<ShareField> police = matrix().get(Sector.POLICE);
		SoftAssertions soft = new SoftAssertions();
		seesExactly(soft, "POLICE", sent, police);
		long disclosed = disclosures(sent.id());
		assertThat(channelsDisclosed(sent.id())).containsExactlyInAnyOrder("PAGE", "PRINT", "EXPORT", "API");

		grounds.withdrawConsent(Actor.of(testCases.user(officerName), "127.0.0.1"), sent.consent(),
				new Withdrawal(Withdrawal.By.CHILD, "Trẻ không muốn chia sẻ thêm."));
		seesExactly(soft, "POLICE after the withdrawal", sent, List.of());
		soft.assertThat(channels().page(sent.agent(), sent.id()).text())
			.contains(messages.getMessage("referral.suspended", null, WebShell.VIETNAMESE));
		soft.assertThat(disclosures(sent.id())).as("nothing more disclosed").isEqualTo(disclosed);

		consent("INVESTIGATION");
		seesExactly(soft, "POLICE after a new consent", sent, police);
		soft.assertThat(channels().page(sent.agent(), sent.id()).text())
			.doesNotContain(messages.getMessage("referral.suspended", null, WebShell.VIETNAMESE));
		soft.assertAll();
	}

	@Test
	void theInboxTheNotificationsAndTheMailsCarryNoSentinel() {
		Map<Sector, Sent> sent = new EnumMap<>(Sector.class);
		SERVICES.keySet().forEach(sector -> sent.put(sector, sentTo(sector, TYPED)));
		Map<ShareField, Witness> witnesses = witnesses();
		List<String> sentinels = Stream
			.concat(witnesses.values().stream().filter(Witness::unique).map(Witness::text), Stream.of(PARENT))
			.toList();
		SoftAssertions soft = new SoftAssertions();
		sent.forEach((sector, s) -> {
			String inbox = s.agent().get("/referrals/inbox").body();
			soft.assertThat(inbox).as(sector + " inbox").contains(s.code());
			sentinels.forEach(w -> soft.assertThat(inbox).as(sector + " inbox").doesNotContain(w));
		});
		List<String> links = sent.values().stream().map(s -> "/referrals/" + s.id()).toList();
		List<String> notices = jdbc.sql("""
				SELECT concat_ws(' ', kind_key, step_key, reference, link, event_key) FROM notification
				WHERE link IN (:links)""").param("links", links).query(String.class).list();
		List<String> mails = jdbc.sql("""
				SELECT m.subject || ' ' || m.body FROM mail_outbox m JOIN app_user u ON u.id = m.user_id
				WHERE u.agency_id IN (:agencies)""")
			.param("agencies", sent.values().stream().map(s -> s.agency().value()).toList())
			.query(String.class)
			.list();
		soft.assertThat(notices).as("a notice per focal point").hasSizeGreaterThanOrEqualTo(sent.size());
		Stream.concat(notices.stream(), mails.stream())
			.forEach(n -> sentinels.forEach(w -> soft.assertThat(n).doesNotContain(w)));
		soft.assertAll();
	}

	@Test
	void theFilesAreRefusedToWhoeverMayNotReadTheReferralAndTheSenderPrintsItWhole() {
		Sent sent = sentTo(Sector.SCHOOL, TYPED);
		AgencyId other = agency("Trường khác", Sector.SCHOOL, TestUnits.CAI_KHE);
		TestUserAgent stranger = focalPoint(other, TestUnits.CAI_KHE);

		TestUserAgent.Download refused = stranger.download("/referrals/" + sent.id() + "/print");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(childName);
		assertThat(stranger.get("/referrals/inbox.csv").body()).doesNotContain(sent.code(), childName);
		assertThat(officer.download("/referrals/inbox.csv").status()).as("no agency, no inbox").isEqualTo(403);
		assertThat(sent.agent().download("/referrals/not-an-id/print").status()).isEqualTo(404);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE target_id = :id AND outcome = 'DENIED'""")
			.param("id", sent.id().toString())
			.query(Long.class)
			.single()).as("the refused print is logged").isEqualTo(1);

		String whole = new ShareChannels(f -> word(f.key())).print(officer, sent.id()).text();
		assertThat(whole).contains(ACCOUNT.substring(0, ACCOUNT.indexOf('⟦')).strip(), TYPED.get("legalQuestion"),
				jdbc.sql("SELECT reference_code FROM protection_case WHERE id = :id")
					.param("id", caseId.value())
					.query(String.class)
					.single());
		assertThat(sent.agent().get("/referrals/" + sent.id()).body()).contains("/referrals/" + sent.id() + "/print");
		assertThat(sent.agent().get("/referrals/inbox").body()).contains("/referrals/inbox.csv");
	}

	/** A referral sent to a new agency of the sector, with its focal point signed in. */
	record Sent(ReferralId id, String code, AgencyId agency, TestUserAgent agent, String token, long consent) {
	}

	private Sent sentTo(Sector sector, Map<String, String> typed) {
		String service = SERVICES.get(sector);
		AgencyId agency = agency("Cơ quan nhận", sector, TestUnits.CAI_KHE);
		SharingPurpose purpose = settings.catalogue().of(ReferralService.valueOf(service)).purpose();
		long consent = grounds.inForce(caseId, new ChildId(child), purpose, LocalDate.now(Time.ZONE))
			.map(Ground::consentId)
			.orElseGet(() -> consent(purpose.name()));
		TestUserAgent focal = focalPoint(agency, TestUnits.CAI_KHE);
		ReferralId id = draft(agency, typed, service);
		assertThat(step(officer, id, "send", Map.of()).status()).as(sector + " sent").isEqualTo(302);
		String code = jdbc.sql("SELECT reference_code FROM referral WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
		return new Sent(id, code, agency, focal, token(agency, ApiPermission.REFERRALS), consent);
	}

	/**
	 * Each field is on each channel exactly when expected: the page names exactly the
	 * expected fields in order and the export has a column for each; every sentinel is
	 * found where its field is shown, and nowhere on a channel that does not show it.
	 */
	private void seesExactly(SoftAssertions soft, String reader, Sent sent, List<ShareField> expected) {
		ShareChannels channels = channels();
		TestUserAgent api = new TestUserAgent(port);
		Map<String, String> vietnamese = Map.of("Authorization", "Bearer " + sent.token(), "Accept-Language", "vi");
		TestUserAgent.Response list = api.get("/api/v1/referrals", vietnamese);
		List<String> codes = com.jayway.jsonpath.JsonPath.read(list.body(), "$.items[*].code");
		List<ShareChannels.Reading> readings = List.of(channels.page(sent.agent(), sent.id()),
				channels.print(sent.agent(), sent.id()), channels.csv(sent.agent(), sent.code()),
				channels.api("api", api.get("/api/v1/referrals/" + sent.id(), vietnamese), "$"),
				channels.api("api list", list, "$.items[" + codes.indexOf(sent.code()) + "]"));
		soft.assertThat(readings.get(0).fields().keySet()).as(reader + " page").containsExactlyElementsOf(expected);
		soft.assertThat(readings.get(3).fields().keySet()).as(reader + " api").containsExactlyElementsOf(expected);
		soft.assertThat(readings.get(2).fields().keySet()).as(reader + " csv columns").containsAll(expected);
		if (expected.contains(CHILD_ID_NUMBER)) {
			soft.assertThat(readings.get(0).fields().get(CHILD_ID_NUMBER))
				.as(reader + " the number as such")
				.isEqualTo(personalId);
		}
		Map<ShareField, Witness> witnesses = witnesses();
		for (ShareChannels.Reading reading : readings) {
			for (ShareField f : ShareField.values()) {
				Witness w = witnesses.get(f);
				boolean shown = expected.contains(f);
				String where = reader + " " + reading.channel() + " " + f;
				if (reading.fields() != null) {
					soft.assertThat(reading.fields().getOrDefault(f, "").contains(w.text())).as(where).isEqualTo(shown);
				}
				else if (!w.unique()) {
					soft.assertThat(reading.text().contains(channels.label(f) + ": " + w.text()))
						.as(where)
						.isEqualTo(shown);
				}
				if (w.unique()) {
					soft.assertThat(reading.text().contains(w.text())).as(where + " anywhere").isEqualTo(shown);
				}
			}
			soft.assertThat(reading.text()).as(reader + " " + reading.channel()).doesNotContain(PARENT);
		}
	}

	/** How each field's value is recognised on a channel. */
	private Map<ShareField, Witness> witnesses() {
		Map<ShareField, Witness> w = new EnumMap<>(ShareField.class);
		w.put(CHILD_NAME, new Witness(childName, true));
		w.put(CHILD_SEX, new Witness(word("sex.FEMALE"), false));
		w.put(CHILD_AGE, new Witness("9", false));
		w.put(CHILD_BIRTH_DATE, new Witness(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(birthDate), true));
		w.put(CHILD_ID_NUMBER, new Witness(personalId, true));
		w.put(CHILD_ADDRESS, new Witness("Hẻm 7 «child-address»", true));
		w.put(CHILD_SCHOOL, new Witness("Trường Tiểu học «child-school»", true));
		w.put(CHILD_CLASS, new Witness(TYPED.get("childClass"), true));
		w.put(CARER_CONTACT, new Witness(TYPED.get("carerContact"), true));
		w.put(VISITING_CARER, new Witness(TYPED.get("visitingCarer"), true));
		w.put(HARM_FORMS, new Witness(word("harm.SEXUAL_MOLESTATION"), true));
		w.put(HARM_SETTING, new Witness(word("setting.SCHOOL"), false));
		w.put(INCIDENT_PLACE, new Witness(geography.get(testUnits.id(TAN_AN)).fullName(), false));
		w.put(INCIDENT_TIME, new Witness(TYPED.get("incidentTime"), true));
		// the print has no glyph for the brackets of the account's sentinel
		w.put(ShareField.ACCOUNT, new Witness(ACCOUNT.substring(0, ACCOUNT.indexOf('⟦')).strip(), true));
		w.put(PERPETRATOR, new Witness(word("relation.TEACHER"), false));
		w.put(INJURIES_AND_DANGER_SIGNS, new Witness(TYPED.get("injuries"), true));
		w.put(HEALTH_NEEDS, new Witness(TYPED.get("healthNeeds"), true));
		w.put(LEGAL_QUESTION, new Witness(TYPED.get("legalQuestion"), true));
		w.put(SUPPORT_REQUESTED, new Witness(TYPED.get("supportRequested"), true));
		w.put(CASE_OFFICER_CONTACT, new Witness(testCases.user(officerName).displayName(), false));
		w.put(REPORTER_IDENTITY, new Witness("Nguyễn Văn Báo", true));
		return w;
	}

	private ShareChannels channels() {
		return new ShareChannels(f -> word(f.key()));
	}

	private String word(String key) {
		return messages.getMessage(key, null, WebShell.VIETNAMESE);
	}

	private long disclosures(ReferralId id) {
		return jdbc.sql("SELECT count(*) FROM referral_disclosure WHERE referral_id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single();
	}

	private Set<String> channelsDisclosed(ReferralId id) {
		return Set.copyOf(jdbc.sql("SELECT DISTINCT channel FROM referral_disclosure WHERE referral_id = :id")
			.param("id", id.value())
			.query(String.class)
			.list());
	}

	private static Map<Sector, List<ShareField>> matrix() {
		Map<Sector, List<ShareField>> matrix = new EnumMap<>(Sector.class);
		MATRIX.lines().map(l -> l.trim().split("\\s+")).forEach(cells -> {
			matrix.put(Sector.valueOf(cells[0]), Stream.of(cells).skip(1).map(ShareField::valueOf).toList());
		});
		return matrix;
	}

	private static List<ShareField> sorted(List<ShareField> fields) {
		return EnumSet.copyOf(fields).stream().toList();
	}

}
