package vn.trean.statistics;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Small numbers in the figures a viewer who may not see the cases is shown: a count of 1
 * to 4 could name a child in a small commune, so it is withheld, and so is a share or a
 * time computed from such a count.
 */
final class KpiSmallNumbers {

	private KpiSmallNumbers() {
	}

	/** The same line as the official tables draw ({@link SmallNumbers#small}). */
	static boolean small(long count) {
		return SmallNumbers.small(count);
	}

	/** A count's cell, withheld when small and the audience sees figures only. */
	static StatisticsTable.Cell count(@Nullable Long count, boolean suppress) {
		if (count == null) {
			return new StatisticsTable.Cell(null, false, null);
		}
		if (suppress && small(count)) {
			return new StatisticsTable.Cell(null, true, null);
		}
		return new StatisticsTable.Cell(BigDecimal.valueOf(count), false, null);
	}

	/**
	 * A value computed from counts: withheld when any of them is withheld; {@code null}
	 * (not applicable) when there is none.
	 */
	static StatisticsTable.Cell derived(@Nullable BigDecimal value, boolean suppress, @Nullable Long... counts) {
		if (suppress) {
			for (Long c : counts) {
				if (c != null && small(c)) {
					return new StatisticsTable.Cell(null, true, null);
				}
			}
		}
		return new StatisticsTable.Cell(value, false, null);
	}

}
