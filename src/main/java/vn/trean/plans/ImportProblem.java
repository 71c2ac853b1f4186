package vn.trean.plans;

/**
 * One reason an uploaded file was refused, where a plan administrator can find it in
 * Excel: the line (1 is the header) and column (1 is A), either 0 when the problem is the
 * whole file or the whole line.
 *
 * @param heading the column's heading in the file, or {@code null}
 * @param key the message key of the reason
 * @param argument the reason's one argument (a line, a limit), or {@code null}
 */
record ImportProblem(int line, int column, String heading, String key, String argument) {

	static ImportProblem file(String key, String argument) {
		return new ImportProblem(0, 0, null, key, argument);
	}

	static ImportProblem at(int line, int column, String heading, String key) {
		return new ImportProblem(line, column, heading, key, null);
	}

	public boolean wholeFile() {
		return line == 0;
	}

	public boolean wholeLine() {
		return line > 0 && column == 0;
	}

	public String lineNumber() {
		return Integer.toString(line);
	}

	/** The column as Excel names it: A … Z, AA, AB, … */
	public String columnLetter() {
		StringBuilder letters = new StringBuilder();
		for (int n = column; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

}
