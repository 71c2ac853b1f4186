package vn.trean.cases;

/** Someone else changed the case since it was read; nothing was saved. */
public class CaseEditedConcurrently extends vn.trean.shared.ChangedMeanwhile {

	CaseEditedConcurrently(CaseId id) {
		super("case.concurrent-edit", "Case " + id);
	}

}
