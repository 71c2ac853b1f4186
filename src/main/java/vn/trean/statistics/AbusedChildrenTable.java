package vn.trean.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import vn.trean.intake.HarmForm;
import vn.trean.intake.Setting;
import vn.trean.statistics.CellQuery.Line;
import vn.trean.statistics.CellQuery.Split;
import vn.trean.statistics.StatisticsTable.Measure;

/**
 * Indicator 0101 of Circular 13/2021: children abused in the period, each counted once
 * whatever the number of her reports or cases, with the sex and age of her first harm in
 * the period; by sex and age group, by setting and by form of abuse (a child harmed in
 * two settings or by two forms counts in each of their rows, once). An age above 15 is
 * counted as unknown: the children of the indicator are those under 16.
 */
final class AbusedChildrenTable {

	/**
	 * The children harmed in the period: one fact per child, her first harm's sex, age,
	 * case and unit, and every setting and form of her harms in the period.
	 */
	private static final String FACTS = """
			WITH harms AS (
			  SELECT a.child_id, a.case_id, a.harm_form, a.unit_id, a.harm_on, a.sex, a.age, a.setting
			  FROM stat_abused_child a
			  WHERE a.harm_on BETWEEN :fromDay AND :toDay AND a.unit_id = ANY(:units)
			), firsts AS (
			  SELECT DISTINCT ON (child_id) child_id, case_id, unit_id, harm_on, sex, age
			  FROM harms ORDER BY child_id, harm_on, case_id
			), kinds AS (
			  SELECT child_id, array_agg(DISTINCT setting::text) AS settings, array_agg(DISTINCT harm_form::text) AS forms
			  FROM harms GROUP BY child_id
			), facts AS MATERIALIZED (
			  SELECT f.child_id, f.sex, f.age, k.settings, k.forms,
			    f.case_id::text AS item_id, f.unit_id AS item_unit, f.harm_on AS item_day
			  FROM firsts f JOIN kinds k USING (child_id)
			)""";

	static final String TOTAL_ROW = "0101";

	static final CellQuery QUERY = new CellQuery(FACTS, rows(), columns(), CellRecord.Kind.CASE);

	private AbusedChildrenTable() {
	}

	private static List<Line> rows() {
		List<Line> rows = new ArrayList<>();
		rows.add(new Line(TOTAL_ROW, "statistics.0101.row.total", 0, "TRUE"));
		for (Setting setting : Setting.values()) {
			rows.add(new Line("0101_SETTING_" + setting, "setting." + setting, 0, "'" + setting + "' = ANY(settings)"));
		}
		for (HarmForm form : HarmForm.values()) {
			if (form == HarmForm.SEXUAL_RAPE) {
				String sexual = Arrays.stream(HarmForm.values())
					.filter(HarmForm::sexualAbuse)
					.map(f -> "'" + f + "'")
					.collect(Collectors.joining(", "));
				rows.add(new Line("0101_FORM_SEXUAL", "statistics.0101.row.sexual-abuse", 0,
						"forms && ARRAY[" + sexual + "]"));
			}
			rows.add(new Line("0101_FORM_" + form, "harm." + form, form.sexualAbuse() ? 1 : 0,
					"'" + form + "' = ANY(forms)"));
		}
		return rows;
	}

	private static List<Split> columns() {
		List<Split> columns = new ArrayList<>();
		String[][] sexes = { { "F", "sex = 'FEMALE'" }, { "M", "sex = 'MALE'" },
				{ "U", "sex NOT IN ('FEMALE', 'MALE')" } };
		String[][] ages = { { "0_5", "age BETWEEN 0 AND 5" }, { "6_10", "age BETWEEN 6 AND 10" },
				{ "11_15", "age BETWEEN 11 AND 15" }, { "UNKNOWN", "age IS NULL OR age NOT BETWEEN 0 AND 15" } };
		for (String[] sex : sexes) {
			for (String[] age : ages) {
				String code = sex[0] + "_" + age[0];
				columns.add(Split.count(code, "statistics.0101.column." + code, sex[1] + ") AND (" + age[1]));
			}
		}
		columns.add(new Split("TOTAL", "statistics.column.total", Measure.COUNT, true, "TRUE"));
		return columns;
	}

}
