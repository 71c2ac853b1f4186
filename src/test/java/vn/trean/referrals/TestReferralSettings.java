package vn.trean.referrals;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts the settings the tests change back as V39 seeds them (never confirmed), moving the
 * revision so every cache reloads them.
 */
final class TestReferralSettings {

	private TestReferralSettings() {
	}

	static void reseedSchoolSupport(JdbcClient jdbc) {
		jdbc.sql("""
				UPDATE referral_service_kind SET purpose = 'EDUCATION_SUPPORT', response_amount = 2,
				  response_unit = 'WORKING_DAYS', completion_amount = 10, completion_unit = 'WORKING_DAYS',
				  active = TRUE, changed_by = NULL, changed_at = NULL
				WHERE code = 'SCHOOL_SUPPORT'""").update();
		jdbc.sql("DELETE FROM referral_service_sector WHERE service = 'SCHOOL_SUPPORT'").update();
		jdbc.sql("""
				INSERT INTO referral_service_sector (service, sector)
				VALUES ('SCHOOL_SUPPORT', 'SCHOOL'), ('SCHOOL_SUPPORT', 'EDUCATION_DEPARTMENT')""").update();
		moveRevision(jdbc);
	}

	static void reseedSchoolFields(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM share_field_set WHERE sector = 'SCHOOL'").update();
		jdbc.sql("""
				INSERT INTO share_field_set (sector, field)
				SELECT 'SCHOOL', f FROM unnest(ARRAY['CHILD_NAME', 'CHILD_SEX', 'CHILD_AGE', 'SUPPORT_REQUESTED',
				  'CASE_OFFICER_CONTACT', 'CHILD_SCHOOL', 'CHILD_CLASS']) AS f""").update();
		jdbc.sql("DELETE FROM share_sector_option WHERE sector = 'SCHOOL'").update();
		moveRevision(jdbc);
	}

	static void moveRevision(JdbcClient jdbc) {
		jdbc.sql("UPDATE referral_settings_revision SET revision = nextval('referral_settings_revision_seq')").update();
	}

}
