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
	 * case and unit, and every setting and form of her harms in the period as bits
	 * ({@link #bit}: one pass in the order of her harms, no aggregate that sorts per
	 * child).
	 */
	private static final String FACTS = """
			WITH harms AS (
			  SELECT a.child_id, a.case_id, a.unit_id, a.harm_on, a.sex, a.age,
			    %s AS setting_bit, %s AS form_bit
			  FROM stat_abused_child a
			  WHERE a.harm_on BETWEEN :fromDay AND :toDay AND a.unit_id = ANY(:units)
			), facts AS MATERIALIZED (
			  SELECT DISTINCT ON (child_id) child_id, sex, age,
			    bit_or(setting_bit) OVER harms_of_child AS settings, bit_or(form_bit) OVER harms_of_child AS forms,
			    case_id::text AS item_id, unit_id AS item_unit, harm_on AS item_day
			  FROM harms
			  WINDOW harms_of_child AS (PARTITION BY child_id ORDER BY harm_on, case_id
			    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
			  ORDER BY child_id, harm_on, case_id
			)""".formatted(bit("a.setting", Setting.values()), bit("a.harm_form", HarmForm.values()));

	static final String TOTAL_ROW = "0101";

	static final CellQuery QUERY = new CellQuery(FACTS, rows(), columns(), CellRecord.Kind.CASE,
			List.of("sex", "age", "settings", "forms"));

	private AbusedChildrenTable() {
	}

	/**
	 * The SQL of a value's bit among the values of its enumeration, in their order: read
	 * at query time from the stored name, so no bit is ever stored.
	 */
	private static String bit(String column, Enum<?>[] values) {
		return "(1 << (array_position(ARRAY["
				+ Arrays.stream(values).map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ")) + "], "
				+ column + "::text) - 1))";
	}

	private static String has(String mask, Enum<?>... values) {
		int bits = 0;
		for (Enum<?> v : values) {
			bits |= 1 << v.ordinal();
		}
		return mask + " & " + bits + " <> 0";
	}

	private static List<Line> rows() {
		List<Line> rows = new ArrayList<>();
		rows.add(new Line(TOTAL_ROW, "statistics.0101.row.total", 0, "TRUE"));
		for (Setting setting : Setting.values()) {
			rows.add(new Line("0101_SETTING_" + setting, "setting." + setting, 0, has("settings", setting)));
		}
		for (HarmForm form : HarmForm.values()) {
			if (form == HarmForm.SEXUAL_RAPE) {
				HarmForm[] sexual = Arrays.stream(HarmForm.values())
					.filter(HarmForm::sexualAbuse)
					.toArray(HarmForm[]::new);
				rows.add(new Line("0101_FORM_SEXUAL", "statistics.0101.row.sexual-abuse", 0, has("forms", sexual)));
			}
			rows.add(new Line("0101_FORM_" + form, "harm." + form, form.sexualAbuse() ? 1 : 0, has("forms", form)));
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
