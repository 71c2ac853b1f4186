package vn.trean.statistics;

/**
 * Stand-in for the KPI table until the KPI piece lands: it is no bean, so
 * {@link OfficialTables} answers the KPI table as unknown; the KPI piece replaces this
 * class by its own component with the same method.
 */
class KpiTable {

	StatisticsTable table(StatisticsPeriod period, StatisticsUnit unit, StatisticsTables.Audience audience) {
		throw new UnknownStatisticsTable(TableKind.KPIS.code());
	}

}
