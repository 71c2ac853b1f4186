/**
 * Official child-protection statistics and case performance: the tables of Circular
 * 13/2021 (indicator 0101 abused children, cases, children in special circumstances,
 * intake), case KPIs per commune, city and officer, dashboards, exports and the
 * statistics API.
 * <p>
 * Decisions: figures are read from a read model of {@code stat_*} tables that this
 * module's listeners keep from the other modules' events; each listener re-derives the
 * whole row of the record the event names from its source module (never adds to a
 * counter), so a replayed or reordered event changes nothing, and {@code
 * StatisticsRebuild} recomputes every row from the sources through the same derivation.
 * Periods are half years, years or custom ranges ({@code StatisticsPeriod}); units are a
 * commune, the province, or before July 2025 an old district ({@code StatisticsUnits}).
 * Every view of a table (page, XLSX, PDF, CSV, DHIS2 file, API) is one
 * {@code StatisticsTable} computed through {@code StatisticsTables} for an audience that
 * {@code StatisticsAccess} alone decides: case workers see every figure with its records
 * (each opening audited), everyone else small numbers suppressed with their complements
 * ({@code SmallNumbers}). A cell's count and its list of records are built from the same
 * row and column conditions ({@code CellQuery}). Exports are database-backed jobs on the
 * shared {@code JobTable}, the audience stored with the job, so no request waits for a
 * file; a file is written whole in memory and kept in the job's row, because every table
 * is an aggregate whose rows are codes and whose columns are fixed: its size does not
 * grow with the period (ten years of the city: a PDF of some 54 KB with its font, an XLSX
 * or CSV under 4 KB; {@code StatisticsLongExportsIntegrationTests}). The DHIS2 codes are
 * data ({@code stat_dhis2_mapping}), our own codes until national UIDs are imported.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography", "identity", "directory",
		"children", "intake", "cases", "referrals", "plans", "printing" })
package vn.trean.statistics;
