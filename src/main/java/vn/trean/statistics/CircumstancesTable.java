package vn.trean.statistics;

import java.util.ArrayList;
import java.util.List;

import vn.trean.children.SpecialCircumstance;
import vn.trean.statistics.CellQuery.Line;
import vn.trean.statistics.CellQuery.Split;

/**
 * Children in special circumstances: per group, the children in it during the period (an
 * entry overlapping the period; a child in a group through her record and a case counts
 * once), of whom those who received support (a support of hers overlapping the period),
 * the share supported and the rate per 100 children of the unit's child population.
 */
final class CircumstancesTable {

	private static final String FACTS = """
			WITH entries AS (
			  SELECT child_id, grp, unit_id, started_on FROM stat_circumstance
			  WHERE unit_id = ANY(:units) AND started_on <= :toDay AND (ended_on IS NULL OR ended_on >= :fromDay)
			), facts AS MATERIALIZED (
			  SELECT e.child_id, array_agg(DISTINCT e.grp::text) AS groups,
			    EXISTS (SELECT 1 FROM stat_support s WHERE s.child_id = e.child_id
			      AND s.started_on <= :toDay AND (s.ended_on IS NULL OR s.ended_on >= :fromDay)) AS supported,
			    e.child_id::text AS item_id, min(e.unit_id) AS item_unit, min(e.started_on) AS item_day
			  FROM entries e GROUP BY e.child_id
			)""";

	static final String TOTAL_ROW = "SC";

	static final String CHILDREN = "CHILDREN";

	static final String SUPPORTED = "SUPPORTED";

	static final String SHARE = "SUPPORTED_SHARE";

	static final String RATE = "RATE_PER_100";

	static final CellQuery QUERY = new CellQuery(FACTS, rows(),
			List.of(Split.count(CHILDREN, "statistics.sc.column.children", "TRUE"),
					Split.count(SUPPORTED, "statistics.sc.column.supported", "supported"),
					Split.percent(SHARE, "statistics.sc.column.share"),
					Split.percent(RATE, "statistics.sc.column.rate")),
			CellRecord.Kind.CHILD, List.of("groups", "supported"));

	private CircumstancesTable() {
	}

	private static List<Line> rows() {
		List<Line> rows = new ArrayList<>();
		rows.add(new Line(TOTAL_ROW, "statistics.sc.row.total", 0, "TRUE"));
		for (SpecialCircumstance group : SpecialCircumstance.values()) {
			rows.add(new Line("SC_" + group, group.key(), 1, "'" + group + "' = ANY(groups)"));
		}
		return rows;
	}

	/**
	 * Fills the shares of a table's counts.
	 * @param population the unit's child population in the period's year, or {@code null}
	 * when none was entered
	 */
	static void shares(TableFigures figures, Long population) {
		for (Line row : QUERY.rows()) {
			figures.share(row.code(), SHARE, row.code(), SUPPORTED, row.code(), CHILDREN);
			figures.rate(row.code(), RATE, row.code(), CHILDREN, population);
		}
	}

}
