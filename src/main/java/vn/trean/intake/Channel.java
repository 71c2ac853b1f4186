package vn.trean.intake;

/** How a report reached the system. */
public enum Channel {

	HOTLINE_111, CITY_LINE_18008065, PHONE_TO_COMMUNE, WALK_IN, SCHOOL, HEALTH_FACILITY, POLICE, ONLINE_FORM, API,
	PRESS_OR_SOCIAL_MEDIA, OFFICIAL_LETTER, OTHER

}
