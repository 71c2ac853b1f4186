package vn.trean.cases;

/**
 * A step the case's rules refuse (a transition out of order, a closing without Mẫu 06,
 * …). Carries the message key and the state it was refused in; nothing was saved.
 */
public class CaseRuleBroken extends vn.trean.shared.RuleBroken {

	private final ProtectionCase.Status status;

	CaseRuleBroken(String messageKey) {
		this(messageKey, null);
	}

	CaseRuleBroken(String messageKey, ProtectionCase.Status status) {
		super(messageKey, status == null ? null : "in " + status);
		this.status = status;
	}

	/** The state the case was in, when the refusal depends on it. */
	public ProtectionCase.Status status() {
		return status;
	}

}
