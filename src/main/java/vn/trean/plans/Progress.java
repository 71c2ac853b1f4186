package vn.trean.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.trean.geography.UnitId;

/**
 * How far an indicator has come against its target, computed from approved report figures
 * only, or for a register indicator from the register counts ({@link RegisterMeasure}). A
 * total over several units sums their numerators and their denominators and divides once:
 * averaging the units' percentages would weigh a commune of 40 families like one of
 * 4,000.
 */
final class Progress {

	/** Share of the target below which an indicator is behind. */
	static final BigDecimal ON_TRACK_SHARE = new BigDecimal("0.8");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Progress() {
	}

	/** Where an indicator stands; shown as text and colour. */
	enum Level {

		/** The target is reached. */
		MET,
		/** At least 80 % of the way to the target. */
		ON_TRACK,
		/** Less than 80 % of the way. */
		BEHIND,
		/** There is a value but no target to compare it with. */
		NO_TARGET,
		/** No approved figure yet. */
		NO_DATA

	}

	/** One approved figure: which report of which unit gave it. */
	record Figure(long reportId, UnitId unit, int reportVersion, Long numerator, Long denominator, boolean flagged,
			String explanation) {
	}

	/**
	 * The value of a set of figures against a target.
	 *
	 * @param value the percentage (coverage) or the count, {@code null} without data
	 */
	record Cell(long numerator, long denominator, BigDecimal value, BigDecimal target, Level level, int figures) {

		public String levelName() {
			return level.name();
		}

		public String valueText() {
			return value == null ? null : value.stripTrailingZeros().toPlainString();
		}

		public String targetText() {
			return target == null ? null : target.stripTrailingZeros().toPlainString();
		}

	}

	/**
	 * Figures by the group their unit counts for in a view of the province's history;
	 * figures of units in no group (the province's own) count only in its total.
	 */
	static Map<UnitId, List<Figure>> byGroup(Collection<Figure> figures, Map<UnitId, UnitId> groupOf) {
		Map<UnitId, List<Figure>> byGroup = new HashMap<>();
		for (Figure f : figures) {
			UnitId group = groupOf.get(f.unit());
			if (group != null) {
				byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(f);
			}
		}
		return byGroup;
	}

	static Cell of(Indicator indicator, List<Figure> figures, BigDecimal target) {
		long numerator = 0;
		long denominator = 0;
		int used = 0;
		for (Figure f : figures) {
			if (f.numerator() == null || (indicator.coverage() && f.denominator() == null)) {
				continue;
			}
			numerator += f.numerator();
			denominator += f.denominator() == null ? 0 : f.denominator();
			used++;
		}
		return cell(indicator, numerator, denominator, used, target);
	}

	/**
	 * The sums of the figures by sex (no target: targets are set for the totals), empty
	 * when no report gave a figure by sex.
	 */
	static Map<ReportValue.Disaggregation, Cell> bySex(Indicator indicator,
			Map<ReportValue.Disaggregation, List<Figure>> figures) {
		if (figures.values().stream().allMatch(List::isEmpty)) {
			return Map.of();
		}
		Map<ReportValue.Disaggregation, Cell> cells = new EnumMap<>(ReportValue.Disaggregation.class);
		for (ReportValue.Disaggregation sex : PlanReportPolicy.SEXES) {
			cells.put(sex, of(indicator, figures.getOrDefault(sex, List.of()), null));
		}
		return cells;
	}

	/**
	 * The value of figures counted from the registers: there is always a count (zero is a
	 * count), so a coverage indicator lacks a value only when its denominator is zero.
	 */
	static Cell counted(Indicator indicator, long numerator, long denominator, BigDecimal target) {
		return cell(indicator, numerator, indicator.coverage() ? denominator : 0, 1, target);
	}

	private static Cell cell(Indicator indicator, long numerator, long denominator, int used, BigDecimal target) {
		BigDecimal value;
		if (used == 0 || (indicator.coverage() && denominator == 0)) {
			value = null;
		}
		else if (indicator.coverage()) {
			value = BigDecimal.valueOf(numerator)
				.multiply(HUNDRED)
				.divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
		}
		else {
			value = BigDecimal.valueOf(numerator);
		}
		return new Cell(numerator, denominator, value, target, level(indicator, value, target), used);
	}

	private static Level level(Indicator indicator, BigDecimal value, BigDecimal target) {
		if (value == null) {
			return Level.NO_DATA;
		}
		if (target == null) {
			return Level.NO_TARGET;
		}
		if (indicator.direction() == Indicator.Direction.DECREASE) {
			if (value.compareTo(target) <= 0) {
				return Level.MET;
			}
			// as far above the target as "on track" allows below it
			BigDecimal ceiling = target.multiply(BigDecimal.ONE.add(BigDecimal.ONE.subtract(ON_TRACK_SHARE)));
			return value.compareTo(ceiling) <= 0 ? Level.ON_TRACK : Level.BEHIND;
		}
		if (value.compareTo(target) >= 0) {
			return Level.MET;
		}
		return value.compareTo(target.multiply(ON_TRACK_SHARE)) >= 0 ? Level.ON_TRACK : Level.BEHIND;
	}

}
