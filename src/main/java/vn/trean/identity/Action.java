package vn.trean.identity;

/**
 * What a user may try to do. Actions flagged {@code childData} reach a child's personal
 * data; holding one makes the second factor compulsory.
 */
public enum Action {

	VIEW_ADMINISTRATIVE_UNITS(false), VIEW_AGENCIES(false), MANAGE_AGENCIES(false), MANAGE_USERS(false),
	RESET_SECOND_FACTOR(false), MANAGE_API_TOKENS(false), VIEW_AUDIT_LOG(false), VIEW_API_DOCUMENTATION(false),
	RECORD_REPORT(true), VIEW_CHILD_RECORDS(true), VIEW_REPORTER_IDENTITY(true), MANAGE_CASES(true),
	DECIDE_ON_CASES(true), HANDLE_REFERRALS(true), MANAGE_ACTION_PLANS(false), SUBMIT_PLAN_REPORTS(false),
	VIEW_STATISTICS(false), MANAGE_WORKING_CALENDAR(false), VIEW_CASES(true), BREAK_GLASS(true),
	MANAGE_CASE_SETTINGS(false),
	/**
	 * Answering the referrals sent to one's own agency (accept, decline, progress,
	 * outcome): the receiving side; {@link #HANDLE_REFERRALS} is the sending side.
	 */
	ANSWER_REFERRALS(true),
	/** Editing the referral service catalogue and the fields each sector is shown. */
	MANAGE_REFERRAL_SETTINGS(false);

	private final boolean childData;

	Action(boolean childData) {
		this.childData = childData;
	}

	public boolean childData() {
		return childData;
	}

}
