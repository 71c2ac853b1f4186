package vn.trean.plans;

import java.util.List;

/**
 * An uploaded file of figures that breaks a rule; nothing of it was saved. Its problems
 * are by line and column; the errors name the first one on the field {@code file}.
 */
class ImportRefused extends vn.trean.shared.InvalidInput {

	private final transient List<ImportProblem> problems;

	private final boolean truncated;

	ImportRefused(List<ImportProblem> problems, boolean truncated) {
		super("import (" + problems.size() + " problem(s), first " + problems.get(0) + ")",
				new vn.trean.shared.FormErrors().reject("file", problems.get(0).key()));
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
