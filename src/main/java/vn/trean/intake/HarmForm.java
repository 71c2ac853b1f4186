package vn.trean.intake;

/**
 * Forms of abuse (Law on Children Art. 4, docs/domain.md §3), with the five sexual-abuse
 * sub-types of Decree 56, and what hotline 111 also records.
 */
public enum HarmForm {

	VIOLENCE(false), EXPLOITATION(false), SEXUAL_RAPE(true), SEXUAL_FORCIBLE(true), SEXUAL_INTERCOURSE_WITH_CHILD(true),
	SEXUAL_MOLESTATION(true), SEXUAL_PROSTITUTION_OR_PORNOGRAPHY(true), TRAFFICKING(false), ABANDONMENT(false),
	NEGLECT(false), ABDUCTION(false), CUSTODY_DISPUTE(false), RIGHTS_VIOLATION(false), OTHER_HARM(false);

	private final boolean sexualAbuse;

	HarmForm(boolean sexualAbuse) {
		this.sexualAbuse = sexualAbuse;
	}

	public boolean sexualAbuse() {
		return sexualAbuse;
	}

}
