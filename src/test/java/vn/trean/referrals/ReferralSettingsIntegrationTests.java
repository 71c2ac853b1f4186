package vn.trean.referrals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUserAgent;
import vn.trean.cases.DeadlineRules;
import vn.trean.cases.TestCases;
import vn.trean.directory.Sector;
import vn.trean.identity.AccessRefused;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static vn.trean.referrals.ShareField.*;

/**
 * The referral settings as seeded, and an administrator's changes read back through
 * {@link ReferralSettings} with their audit entries; a change made on another instance is
 * seen at the next reading.
 */
@IntegrationTest
class ReferralSettingsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	ReferralSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachSectorSeesItsDefaultSetAndOnlyThePoliceMayBeToldTheReporter() {
		FieldSets sets = settings.fieldSets();

		assertThat(sets.of(Sector.SCHOOL)).contains(CHILD_NAME, CHILD_CLASS, CHILD_SCHOOL)
			.doesNotContain(ACCOUNT, PERPETRATOR, HARM_FORMS);
		assertThat(sets.of(Sector.POLICE)).contains(ACCOUNT, PERPETRATOR, INCIDENT_PLACE)
			.doesNotContain(CHILD_CLASS, INJURIES_AND_DANGER_SIGNS);
		assertThat(sets.of(Sector.HEALTH_FACILITY)).contains(INJURIES_AND_DANGER_SIGNS).doesNotContain(ACCOUNT);
		assertThat(sets.of(Sector.PROCURACY)).containsExactly(CHILD_NAME, CHILD_SEX, CHILD_AGE, SUPPORT_REQUESTED,
				CASE_OFFICER_CONTACT);
		assertThat(sets.reporterAllowed(Sector.POLICE)).isTrue();
		assertThat(FieldSets.RECEIVING).filteredOn(sets::reporterAllowed).containsExactly(Sector.POLICE);
	}

	@Test
	void theCatalogueOffersEachServiceByItsSectorsWithTheStatutoryForwarding() {
		Catalogue catalogue = settings.catalogue();

		assertThat(catalogue.offeredBy(Sector.SCHOOL)).containsExactly(ReferralService.SCHOOL_SUPPORT,
				ReferralService.OTHER);
		assertThat(catalogue.offeredBy(Sector.POLICE)).containsExactly(ReferralService.CRIME_INVESTIGATION,
				ReferralService.OTHER);
		assertThat(catalogue.of(ReferralService.MEDICAL_EXAMINATION_TREATMENT).response())
			.isEqualTo(new DeadlineRules.Rule(12, DeadlineRules.Unit.HOURS, false));
		assertThat(catalogue.of(ReferralService.TEMPORARY_SHELTER).completion())
			.isEqualTo(new DeadlineRules.Rule(15, DeadlineRules.Unit.DAYS, false));
		assertThat(catalogue.of(ReferralService.CRIME_INVESTIGATION).purpose()).isEqualTo(SharingPurpose.INVESTIGATION);
		assertThat(catalogue.forwarding()).isEqualTo(new DeadlineRules.Rule(24, DeadlineRules.Unit.HOURS, true));
		assertThat(catalogue.services()).hasSize(ReferralService.values().length);
	}

	@Test
	void anAdministratorChangesAServiceAndTheChangeIsReadBackAndAudited() {
		String admin = testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92");
		TestUserAgent agent = signedIn(admin);
		assertThat(agent.get("/referrals/settings/services").body()).contains("service-SCHOOL_SUPPORT");
		try {
			var saved = agent.post("/referrals/settings/services",
					List.of(Map.entry("service", "SCHOOL_SUPPORT"), Map.entry("purpose", "PSYCHOSOCIAL_SUPPORT"),
							Map.entry("sectors", "SCHOOL"), Map.entry("sectors", "SOCIAL_WORK_CENTRE"),
							Map.entry("responseAmount", "8"), Map.entry("responseUnit", "HOURS"),
							Map.entry("completionAmount", "30"), Map.entry("completionUnit", "DAYS")));

			assertThat(saved.status()).isEqualTo(302);
			ServiceRule rule = settings.catalogue().of(ReferralService.SCHOOL_SUPPORT);
			assertThat(rule.response()).isEqualTo(new DeadlineRules.Rule(8, DeadlineRules.Unit.HOURS, false));
			assertThat(rule.completion()).isEqualTo(new DeadlineRules.Rule(30, DeadlineRules.Unit.DAYS, false));
			assertThat(rule.purpose()).isEqualTo(SharingPurpose.PSYCHOSOCIAL_SUPPORT);
			assertThat(rule.sectors()).containsExactly(Sector.SOCIAL_WORK_CENTRE, Sector.SCHOOL);
			assertThat(rule.active()).as("an unticked box sends nothing").isFalse();
			assertThat(settings.catalogue().offers(Sector.SCHOOL, ReferralService.SCHOOL_SUPPORT)).isFalse();
			assertThat(audit(admin, "REFERRAL_SERVICE_CHANGED")).singleElement()
				.satisfies(detail -> assertThat(detail).startsWith("before: EDUCATION_SUPPORT, respond 2 WORKING_DAYS")
					.contains("sectors [SCHOOL,EDUCATION_DEPARTMENT]")
					.contains("after: PSYCHOSOCIAL_SUPPORT, respond 8 HOURS, complete 30 DAYS, inactive"));
			assertThat(jdbc.sql("SELECT target_type || ':' || target_id FROM audit_entry WHERE actor = ?")
				.param(admin)
				.query(String.class)
				.list()).contains("REFERRAL_SETTINGS:SCHOOL_SUPPORT");
			assertThat(settings.servicesAsSeeded()).doesNotContain(ReferralService.SCHOOL_SUPPORT)
				.contains(ReferralService.OTHER);
		}
		finally {
			TestReferralSettings.reseedSchoolSupport(jdbc);
		}
	}

	@Test
	void anAdministratorChangesAFieldSetAndTheChangeIsReadBackAndAudited() {
		String admin = testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92");
		TestUserAgent agent = signedIn(admin);
		agent.get("/referrals/settings/fields/SCHOOL");
		List<Map.Entry<String, String>> form = new ArrayList<>();
		form.add(Map.entry("sector", "SCHOOL"));
		for (ShareField field : List.of(CHILD_NAME, CHILD_AGE, CHILD_SCHOOL, HARM_FORMS, SUPPORT_REQUESTED)) {
			form.add(Map.entry("fields", field.name()));
		}
		form.add(Map.entry("reporterOnExplicitShare", "true"));
		try {
			assertThat(agent.post("/referrals/settings/fields", form).status()).isEqualTo(302);

			assertThat(settings.fieldSets().of(Sector.SCHOOL)).containsExactly(CHILD_NAME, CHILD_AGE, CHILD_SCHOOL,
					HARM_FORMS, SUPPORT_REQUESTED);
			assertThat(settings.fieldSets().reporterAllowed(Sector.SCHOOL)).isTrue();
			assertThat(settings.fieldSets().of(Sector.EDUCATION_DEPARTMENT)).as("another sector stays")
				.contains(CHILD_CLASS);
			assertThat(audit(admin, "REFERRAL_FIELD_SET_CHANGED")).containsExactly("before: [CHILD_NAME,CHILD_SEX,"
					+ "CHILD_AGE,CHILD_SCHOOL,CHILD_CLASS,SUPPORT_REQUESTED,CASE_OFFICER_CONTACT], reporter not allowed; "
					+ "after: [CHILD_NAME,CHILD_AGE,CHILD_SCHOOL,HARM_FORMS,SUPPORT_REQUESTED], reporter allowed");
		}
		finally {
			TestReferralSettings.reseedSchoolFields(jdbc);
		}
		assertThat(settings.fieldSets().of(Sector.SCHOOL)).contains(CHILD_CLASS).doesNotContain(HARM_FORMS);
	}

	@Test
	void aServiceChangeByAnotherCallerIsCheckedAndRefusedToAnyoneButAnAdministrator() {
		Actor admin = Actor.of(testCases.user(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92")), "198.18.9.1");
		Actor officer = Actor.of(testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "31120")), "198.18.9.2");
		ServiceChange tooLong = new ServiceChange(SharingPurpose.EDUCATION_SUPPORT, Set.of(Sector.SCHOOL), 2,
				DeadlineRules.Unit.WORKING_DAYS, 367, DeadlineRules.Unit.DAYS, true);
		ServiceRule before = settings.catalogue().of(ReferralService.SCHOOL_SUPPORT);

		assertThatExceptionOfType(InvalidReferralSetting.class)
			.isThrownBy(() -> settings.changeService(admin, ReferralService.SCHOOL_SUPPORT, tooLong))
			.satisfies(ex -> assertThat(ex.errors().get("completionAmount")).isEqualTo("validation.range"));
		assertThatExceptionOfType(AccessRefused.class).isThrownBy(() -> settings.changeService(officer,
				ReferralService.SCHOOL_SUPPORT, new ServiceChange(SharingPurpose.EDUCATION_SUPPORT,
						Set.of(Sector.SCHOOL), 2, DeadlineRules.Unit.WORKING_DAYS, 5, DeadlineRules.Unit.DAYS, true)));
		assertThatExceptionOfType(AccessRefused.class)
			.isThrownBy(() -> settings.changeFieldSet(officer, Sector.SCHOOL, EnumSet.of(ACCOUNT), true));
		assertThat(settings.catalogue().of(ReferralService.SCHOOL_SUPPORT)).isEqualTo(before);
		assertThat(settings.fieldSets().of(Sector.SCHOOL)).doesNotContain(ACCOUNT);
	}

	@Test
	void aChangeMadeOnAnotherInstanceIsSeenAtTheNextReading() {
		assertThat(settings.fieldSets().of(Sector.COURT)).doesNotContain(LEGAL_QUESTION);
		try {
			jdbc.sql("INSERT INTO share_field_set (sector, field) VALUES ('COURT', 'LEGAL_QUESTION')").update();
			TestReferralSettings.moveRevision(jdbc);

			assertThat(settings.fieldSets().of(Sector.COURT)).contains(LEGAL_QUESTION);
		}
		finally {
			jdbc.sql("DELETE FROM share_field_set WHERE sector = 'COURT' AND field = 'LEGAL_QUESTION'").update();
			TestReferralSettings.moveRevision(jdbc);
		}
		assertThat(settings.fieldSets().of(Sector.COURT))
			.isEqualTo(EnumSet.of(CHILD_NAME, CHILD_SEX, CHILD_AGE, SUPPORT_REQUESTED, CASE_OFFICER_CONTACT));
	}

	private List<String> audit(String actor, String action) {
		return jdbc.sql("SELECT detail FROM audit_entry WHERE actor = ? AND action = ? ORDER BY id")
			.params(actor, action)
			.query(String.class)
			.list();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

}
