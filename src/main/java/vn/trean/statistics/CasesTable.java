package vn.trean.statistics;

import java.util.List;

import vn.trean.statistics.CellQuery.Line;
import vn.trean.statistics.CellQuery.Split;
import vn.trean.statistics.StatisticsTable.Measure;

/**
 * The cases of the period: opened in it, closed in it (once however often), open at its
 * end (opened by then and not closed then, a reopened case being open again from its
 * reopening), and the children given emergency intervention or separated temporarily in
 * it, each child once. A child is known from the case's abused-child rows; a case whose
 * children are not yet known there counts as one child.
 */
final class CasesTable {

	private static final String FACTS = """
			WITH cases AS (
			  SELECT c.case_id, c.unit_id, c.opened_at, c.emergency_at, c.separated_at
			  FROM stat_case c WHERE c.unit_id = ANY(:units) AND c.opened_at < :until
			), case_facts AS (
			  SELECT 'CASE' AS subject, c.case_id::text AS item_id, c.unit_id AS item_unit,
			    (c.opened_at AT TIME ZONE :zone)::date AS item_day,
			    c.opened_at >= :from AS opened,
			    EXISTS (SELECT 1 FROM stat_case_closure cl WHERE cl.case_id = c.case_id
			      AND cl.closed_at >= :from AND cl.closed_at < :until) AS closed,
			    NOT EXISTS (SELECT 1 FROM stat_case_closure cl WHERE cl.case_id = c.case_id
			      AND cl.closed_at < :until AND (cl.reopened_at IS NULL OR cl.reopened_at >= :until)) AS open_at_end,
			    FALSE AS emergency, FALSE AS separated
			  FROM cases c
			), child_cases AS (
			  SELECT COALESCE(a.child_id::text, 'case ' || c.case_id) AS child_key, c.case_id, c.unit_id, c.emergency_at,
			    c.separated_at,
			    c.emergency_at >= :from AND c.emergency_at < :until AS emergency_in,
			    c.separated_at >= :from AND c.separated_at < :until AS separated_in
			  FROM cases c LEFT JOIN stat_abused_child a ON a.case_id = c.case_id
			  WHERE (c.emergency_at >= :from AND c.emergency_at < :until)
			     OR (c.separated_at >= :from AND c.separated_at < :until)
			), facts AS MATERIALIZED (
			  SELECT * FROM case_facts
			  UNION ALL
			  SELECT 'CHILD', (array_agg(case_id::text ORDER BY emergency_at, case_id))[1],
			    (array_agg(unit_id ORDER BY emergency_at, case_id))[1],
			    (COALESCE(min(emergency_at), min(separated_at)) AT TIME ZONE :zone)::date,
			    FALSE, FALSE, FALSE, COALESCE(bool_or(emergency_in), FALSE), COALESCE(bool_or(separated_in), FALSE)
			  FROM child_cases GROUP BY child_key
			)""";

	static final CellQuery QUERY = new CellQuery(FACTS, List.of(
			new Line("CASES_NEW", "statistics.cases.row.new", 0, "subject = 'CASE' AND opened"),
			new Line("CASES_CLOSED", "statistics.cases.row.closed", 0, "subject = 'CASE' AND closed"),
			new Line("CASES_OPEN_AT_END", "statistics.cases.row.open-at-end", 0, "subject = 'CASE' AND open_at_end"),
			new Line("CASES_CHILDREN_EMERGENCY", "statistics.cases.row.emergency", 0,
					"subject = 'CHILD' AND emergency"),
			new Line("CASES_CHILDREN_SEPARATED", "statistics.cases.row.separated", 0,
					"subject = 'CHILD' AND separated")),
			List.of(new Split("TOTAL", "statistics.column.total", Measure.COUNT, false, "TRUE")), CellRecord.Kind.CASE,
			List.of("subject", "opened", "closed", "open_at_end", "emergency", "separated"));

	private CasesTable() {
	}

}
