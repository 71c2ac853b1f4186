package vn.trean.intake;

/** Whether a report is about harm to a child, or a contact that is not a case. */
public enum ContactType {

	/** Harm or risk of harm to a child: a case may follow. */
	HARM,
	/** Counselling only. */
	COUNSELLING,
	/** A request for information. */
	INFORMATION_REQUEST

}
