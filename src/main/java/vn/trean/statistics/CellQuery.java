package vn.trean.statistics;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.trean.statistics.StatisticsTable.Measure;

/**
 * One official table as SQL: the facts it counts (a {@code WITH} clause whose last part,
 * {@code facts}, is {@code MATERIALIZED} so the matching below runs over its rows once
 * and is never pushed into its joins, with one row per counted child, case or report,
 * with its {@code item_id}, {@code item_unit} and {@code item_day}), and the condition
 * over those facts of each row and each counted column. A cell's figure and the records
 * listed behind it are read with the same two conditions, so the list is exactly what the
 * cell counts.
 *
 * @param facts the {@code WITH} clause ending in {@code facts}
 * @param rows the rows, top to bottom
 * @param columns the columns, left to right
 * @param items what one fact is: what the drill-down lists
 * @param dimensions the columns of {@code facts} the conditions read: the count groups
 * the facts by them first, so each condition is tested once per combination rather than
 * once per fact (a condition reading any other column fails the statement)
 */
record CellQuery(String facts, List<Line> rows, List<Split> columns, CellRecord.Kind items, List<String> dimensions) {

	CellQuery {
		rows = List.copyOf(rows);
		columns = List.copyOf(columns);
		dimensions = List.copyOf(dimensions);
		if (dimensions.isEmpty()) {
			throw new IllegalArgumentException("a table's facts need at least one dimension");
		}
	}

	/**
	 * A row: its code, message key, depth and the condition a fact meets to count in it.
	 */
	record Line(String code, String labelKey, int level, String condition) {
	}

	/**
	 * A column: its code, message key, measure, whether it is the total of the count
	 * columns before it, and the condition a fact meets to count in it ({@code null} for
	 * a share, which the table computes from counts).
	 */
	record Split(String code, String labelKey, Measure measure, boolean total, @Nullable String condition) {

		static Split count(String code, String labelKey, String condition) {
			return new Split(code, labelKey, Measure.COUNT, false, condition);
		}

		static Split percent(String code, String labelKey) {
			return new Split(code, labelKey, Measure.PERCENT, false, null);
		}

		boolean counted() {
			return condition != null;
		}

	}

	Optional<Line> row(String code) {
		return rows.stream().filter(r -> r.code().equals(code)).findFirst();
	}

	Optional<Split> countedColumn(String code) {
		return columns.stream().filter(c -> c.code().equals(code) && c.counted()).findFirst();
	}

	int rowIndex(String code) {
		return rows.indexOf(row(code).orElseThrow());
	}

	int columnIndex(String code) {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).code().equals(code)) {
				return i;
			}
		}
		throw new IllegalArgumentException(code);
	}

	/**
	 * One statement that counts every counted cell, row by row, as one result row: the
	 * facts grouped by their dimensions into {@code cells}, each with its number
	 * {@code n}, then each cell's figure the sum over the combinations its conditions
	 * hold for.
	 */
	String countStatement() {
		String grouped = String.join(", ", dimensions);
		StringBuilder sql = new StringBuilder(facts).append(", cells AS (SELECT ")
			.append(grouped)
			.append(", count(*) AS n FROM facts GROUP BY ")
			.append(grouped)
			.append(")\nSELECT ");
		String separator = "";
		for (Line row : rows) {
			for (Split column : columns) {
				if (column.counted()) {
					sql.append(separator)
						.append("coalesce(sum(n) FILTER (WHERE (")
						.append(row.condition())
						.append(") AND (")
						.append(column.condition())
						.append(")), 0)");
					separator = ",\n";
				}
			}
		}
		return sql.append("\nFROM cells").toString();
	}

	/** The statement that lists one page of the facts a cell counts. */
	String listStatement(Line row, Split column) {
		return facts + "\nSELECT item_id, item_unit, item_day FROM facts WHERE (" + row.condition() + ") AND ("
				+ column.condition() + ")\nORDER BY item_day, item_id LIMIT :limit OFFSET :offset";
	}

}
