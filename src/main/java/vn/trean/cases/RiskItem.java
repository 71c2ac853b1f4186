package vn.trean.cases;

/** The harm and risk items the initial assessment (Mẫu 02) rates. */
public enum RiskItem {

	/** How serious the harm to life, health or dignity is now. */
	CURRENT_HARM,
	/** Whether the alleged perpetrator can reach the child. */
	PERPETRATOR_ACCESS,
	/** How likely the harm is to happen again. */
	REPEAT_RISK,
	/** How far the carers fail to protect the child. */
	CARER_PROTECTION_GAP,
	/** The child's own vulnerability (age, disability, health). */
	CHILD_VULNERABILITY

}
