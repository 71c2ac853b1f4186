package vn.trean.cases;

/** Someone else changed the case since it was read; nothing was saved. */
public class CaseEditedConcurrently extends RuntimeException {

	CaseEditedConcurrently(CaseId id) {
		super("Case " + id + " was changed by someone else");
	}

}
