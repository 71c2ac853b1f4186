package vn.trean.statistics;

/**
 * Computes a table for a period and a unit, for an audience: the one place every view of
 * a statistic (page, export, exchange file, API) gets its figures from. Authorization is
 * the caller's: it has decided that the viewer may see the unit's statistics, and which
 * audience the viewer is.
 */
public interface StatisticsTables {

	StatisticsTable table(TableKind kind, StatisticsPeriod period, StatisticsUnit unit, Audience audience);

	/** Who a table is computed for. */
	enum Audience {

		/**
		 * Users who may see the unit's cases (officers, chairs, provincial managers):
		 * every figure, each cell with its trace to the records behind it.
		 */
		CASE_WORKERS,
		/**
		 * Everyone else (statisticians, plan reporters, administrators, API tokens, their
		 * exports): small numbers suppressed, with complementary suppression, and no
		 * trace.
		 */
		FIGURES_ONLY

	}

}
