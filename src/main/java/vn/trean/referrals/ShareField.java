package vn.trean.referrals;

/**
 * Every piece of a case a referral can show a receiving agency, in display order (worded
 * {@code referral.field.*}). Each sector sees the fields of its set
 * ({@code share_field_set}); the reporter's identity is in no set: it is shown only to a
 * sector that allows it, and only when the officer shares it on that referral.
 */
public enum ShareField {

	CHILD_NAME, CHILD_SEX, CHILD_AGE, CHILD_BIRTH_DATE, CHILD_ID_NUMBER, CHILD_ADDRESS, CHILD_SCHOOL, CHILD_CLASS,
	CARER_CONTACT, VISITING_CARER, HARM_FORMS, HARM_SETTING, INCIDENT_PLACE, INCIDENT_TIME, ACCOUNT, PERPETRATOR,
	INJURIES_AND_DANGER_SIGNS, HEALTH_NEEDS, LEGAL_QUESTION, SUPPORT_REQUESTED, CASE_OFFICER_CONTACT, REPORTER_IDENTITY;

	public String key() {
		return "referral.field." + name();
	}

}
