package vn.trean.cases;

/**
 * Every code the cases module writes to the audit log, in one list: the audit log and its
 * readers search by these names, so a constant is never renamed. A step taken on a case
 * is logged as {@code CASE_} and the step's name ({@link #of(CaseStep)}).
 */
enum CaseAuditAction {

	/** A case opened from a report by the case work. */
	CASE_OPENED,
	/** A commune officer opened a case by hand from a report no case took in. */
	CASE_OPENED_BY_OFFICER,
	/** A provincial manager opened a case outside their scope for a stated reason. */
	BREAK_GLASS,
	/** An administrator changed a deadline the law does not fix. */
	DEADLINE_RULE_CHANGED,

	CASE_START_VERIFICATION, CASE_CONFIRM_HARM, CASE_NOT_SUBSTANTIATED, CASE_INITIAL_ASSESSMENT, CASE_NEEDS_ASSESSMENT,
	CASE_DRAFT_PLAN, CASE_SUBMIT_PLAN, CASE_APPROVE_PLAN, CASE_RETURN_PLAN, CASE_EMERGENCY_DECISION, CASE_START_REVIEW,
	CASE_CLOSING_ASSESSMENT, CASE_CLOSE, CASE_NEW_CYCLE, CASE_REOPEN, CASE_REQUEST_TRANSFER, CASE_ACCEPT_TRANSFER,
	CASE_DECLINE_TRANSFER, CASE_ASSIGN, CASE_ADD_NOTE, CASE_ADD_ATTACHMENT, CASE_RECORD_SERVICE;

	/** The code of a step; the compiler checks that every step has one. */
	static CaseAuditAction of(CaseStep step) {
		return switch (step) {
			case START_VERIFICATION -> CASE_START_VERIFICATION;
			case CONFIRM_HARM -> CASE_CONFIRM_HARM;
			case NOT_SUBSTANTIATED -> CASE_NOT_SUBSTANTIATED;
			case INITIAL_ASSESSMENT -> CASE_INITIAL_ASSESSMENT;
			case NEEDS_ASSESSMENT -> CASE_NEEDS_ASSESSMENT;
			case DRAFT_PLAN -> CASE_DRAFT_PLAN;
			case SUBMIT_PLAN -> CASE_SUBMIT_PLAN;
			case APPROVE_PLAN -> CASE_APPROVE_PLAN;
			case RETURN_PLAN -> CASE_RETURN_PLAN;
			case EMERGENCY_DECISION -> CASE_EMERGENCY_DECISION;
			case START_REVIEW -> CASE_START_REVIEW;
			case CLOSING_ASSESSMENT -> CASE_CLOSING_ASSESSMENT;
			case CLOSE -> CASE_CLOSE;
			case NEW_CYCLE -> CASE_NEW_CYCLE;
			case REOPEN -> CASE_REOPEN;
			case REQUEST_TRANSFER -> CASE_REQUEST_TRANSFER;
			case ACCEPT_TRANSFER -> CASE_ACCEPT_TRANSFER;
			case DECLINE_TRANSFER -> CASE_DECLINE_TRANSFER;
			case ASSIGN -> CASE_ASSIGN;
			case ADD_NOTE -> CASE_ADD_NOTE;
			case ADD_ATTACHMENT -> CASE_ADD_ATTACHMENT;
			case RECORD_SERVICE -> CASE_RECORD_SERVICE;
		};
	}

}
