package vn.trean.plans;

import java.util.List;

/** An uploaded file of figures that breaks a rule; nothing of it was saved. */
class ImportRefused extends RuntimeException {

	private final transient List<ImportProblem> problems;

	private final boolean truncated;

	ImportRefused(List<ImportProblem> problems, boolean truncated) {
		super("Import refused: " + problems.size() + " problem(s), first " + problems.get(0));
		this.problems = List.copyOf(problems);
		this.truncated = truncated;
	}

	ImportRefused(ImportProblem problem) {
		this(List.of(problem), false);
	}

	List<ImportProblem> problems() {
		return problems;
	}

	/** Whether there were more problems than are listed. */
	boolean truncated() {
		return truncated;
	}

}
