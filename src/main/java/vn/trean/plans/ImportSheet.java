package vn.trean.plans;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import vn.trean.geography.UnitId;
import vn.trean.shared.Verdict;

/**
 * Reads the figures of an uploaded table: the header names the columns
 * ({@code unit_code}, {@code unit_name}, {@code year}, then one column per indicator code
 * or denominator kind), each further line is one unit in one year. Every filled cell is
 * checked by {@link TargetPolicy}, the rules of the single-figure form; a blank cell
 * leaves the figure as it is. Either every figure is read, or every problem found is
 * listed with its line and column.
 */
final class ImportSheet {

	/** The columns before the figures; {@code unit_name} is only for people to read. */
	static final List<String> FIXED = List.of("unit_code", "unit_name", "year");

	private static final int UNIT = 0;

	private static final int YEAR = 2;

	/** Longer is no unit code; it is not looked up. */
	private static final int MAX_CODE = 12;

	private ImportSheet() {
	}

	/**
	 * What a unit code names today.
	 *
	 * @param inProvince whether the unit is in force and lies in the plan's province
	 */
	record Place(UnitId unit, boolean inProvince) {
	}

	/**
	 * The figure columns a plan allows, by heading, with the rule for their values.
	 *
	 * @param unknownKey the message key for a heading that is not one of them
	 */
	record Columns<K>(Map<String, K> byHeading, String unknownKey, BiFunction<K, String, Verdict<BigDecimal>> rule) {
	}

	/** One figure to set, from the line it was read on. */
	record Figure<K>(int line, K column, UnitId unit, int year, BigDecimal value) {
	}

	/**
	 * The figures read.
	 *
	 * @param rows the lines with at least one filled cell
	 * @param blankCells figure cells left blank (their figures stay as they are)
	 */
	record Sheet<K>(List<Figure<K>> figures, int rows, int blankCells) {
	}

	/**
	 * @param places what a unit code names, or empty when it names no unit today
	 * @param maxProblems how many problems are listed at most
	 * @throws ImportRefused listing the problems found
	 */
	static <K> Sheet<K> read(CsvTable.Table table, Plan plan, Columns<K> columns,
			Function<String, Optional<Place>> places, int maxProblems) {
		List<ImportProblem> problems = new ArrayList<>();
		List<String> headings = headings(table);
		List<K> keys = header(table, headings, columns, problems);
		if (!problems.isEmpty()) {
			throw new ImportRefused(problems, false);
		}
		Reading<K> reading = new Reading<>(headings, keys, columns, problems);
		boolean truncated = false;
		for (CsvTable.Row row : table.rows()) {
			if (problems.size() >= maxProblems) {
				truncated = true;
				break;
			}
			for (int i = headings.size(); i < row.cells().size(); i++) {
				if (!row.cell(i).isBlank()) {
					problems.add(ImportProblem.at(row.line(), i + 1, null, "plans.import.row.extra-cell"));
				}
			}
			reading.figures(row, where(plan, row, places, problems));
		}
		if (!problems.isEmpty()) {
			throw new ImportRefused(problems.subList(0, Math.min(problems.size(), maxProblems)),
					truncated || problems.size() > maxProblems);
		}
		return new Sheet<>(reading.figures, table.rows().size(), reading.blankCells);
	}

	/**
	 * The figures read so far, the line each cell was first filled on and the blank cells
	 * counted; the problems go to the list the whole sheet's are collected in.
	 */
	private static final class Reading<K> {

		final List<Figure<K>> figures = new ArrayList<>();

		int blankCells;

		private final Map<String, Integer> firstLine = new HashMap<>();

		private final List<String> headings;

		private final List<K> keys;

		private final Columns<K> columns;

		private final List<ImportProblem> problems;

		Reading(List<String> headings, List<K> keys, Columns<K> columns, List<ImportProblem> problems) {
			this.headings = headings;
			this.keys = keys;
			this.columns = columns;
			this.problems = problems;
		}

		/**
		 * Reads the filled figure cells of a line; they are kept only where the line's
		 * unit and year are allowed ({@code where} not {@code null}).
		 */
		void figures(CsvTable.Row row, Where where) {
			int line = row.line();
			for (int i = FIXED.size(); i < headings.size(); i++) {
				String text = row.cell(i);
				if (text.isBlank()) {
					blankCells++;
					continue;
				}
				String cell = row.cell(UNIT).strip().toUpperCase(Locale.ROOT) + "|" + row.cell(YEAR).strip() + "|" + i;
				Integer earlier = firstLine.putIfAbsent(cell, line);
				if (earlier != null) {
					problems.add(new ImportProblem(line, i + 1, headings.get(i), "plans.import.row.duplicate",
							earlier.toString()));
					continue;
				}
				K key = keys.get(i - FIXED.size());
				Verdict<BigDecimal> value = columns.rule().apply(key, text);
				if (!value.allowed()) {
					problems.add(ImportProblem.at(line, i + 1, headings.get(i), value.reason()));
				}
				else if (where != null) {
					figures.add(new Figure<>(line, key, where.unit(), where.year(), value.value()));
				}
			}
		}

	}

	/** The unit and year of a line where both are allowed. */
	private record Where(UnitId unit, int year) {
	}

	/**
	 * Checks the unit code and year of a line by the policy's rule for where a figure is
	 * set; answers {@code null} (and adds the problems) when either is refused.
	 */
	private static Where where(Plan plan, CsvTable.Row row, Function<String, Optional<Place>> places,
			List<ImportProblem> problems) {
		int line = row.line();
		String code = row.cell(UNIT).strip();
		String year = row.cell(YEAR);
		Optional<Place> place = code.isEmpty() ? Optional.empty()
				: code.length() > MAX_CODE ? Optional.empty() : places.apply(code);
		Verdict<Integer> verdict;
		if (!code.isEmpty() && place.isEmpty()) {
			problems.add(ImportProblem.at(line, UNIT + 1, FIXED.get(UNIT), "plans.import.unit.unknown"));
			// the year alone, so one upload shows both
			verdict = TargetPolicy.where(plan, true, year);
		}
		else {
			verdict = TargetPolicy.where(plan, place.map(Place::inProvince).orElse(null), year);
			if (!verdict.allowed() && verdict.field().equals("unit")) {
				problems.add(ImportProblem.at(line, UNIT + 1, FIXED.get(UNIT), verdict.reason()));
				verdict = TargetPolicy.where(plan, true, year);
				place = Optional.empty();
			}
		}
		if (!verdict.allowed()) {
			problems.add(ImportProblem.at(line, YEAR + 1, FIXED.get(YEAR), verdict.reason()));
			return null;
		}
		int allowedYear = verdict.value();
		return place.map(p -> new Where(p.unit(), allowedYear)).orElse(null);
	}

	private static List<String> headings(CsvTable.Table table) {
		List<String> headings = new ArrayList<>(table.header().cells().stream().map(String::strip).toList());
		while (!headings.isEmpty() && headings.get(headings.size() - 1).isEmpty()) {
			headings.remove(headings.size() - 1);
		}
		return headings;
	}

	private static <K> List<K> header(CsvTable.Table table, List<String> headings, Columns<K> columns,
			List<ImportProblem> problems) {
		boolean fixed = headings.size() > FIXED.size();
		for (int i = 0; fixed && i < FIXED.size(); i++) {
			fixed = headings.get(i).toLowerCase(Locale.ROOT).equals(FIXED.get(i));
		}
		if (!fixed) {
			List<String> expected = new ArrayList<>(FIXED);
			expected.addAll(columns.byHeading().keySet());
			problems.add(new ImportProblem(1, 0, null, "plans.import.header.mismatch",
					String.join(String.valueOf(table.delimiter()), expected)));
			return List.of();
		}
		List<K> keys = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = FIXED.size(); i < headings.size(); i++) {
			String heading = headings.get(i);
			K key = columns.byHeading().get(heading);
			if (heading.isEmpty()) {
				problems.add(ImportProblem.at(1, i + 1, null, "plans.import.header.blank"));
			}
			else if (key == null) {
				problems.add(ImportProblem.at(1, i + 1, heading, columns.unknownKey()));
			}
			else if (!seen.add(heading)) {
				problems.add(ImportProblem.at(1, i + 1, heading, "plans.import.header.duplicate"));
			}
			keys.add(key);
		}
		return keys;
	}

}
