package vn.trean.statistics;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;
import vn.trean.plans.ReferenceFigures;
import vn.trean.shared.Page;

/**
 * The official tables of Circular 13/2021 (indicator 0101, cases, children in special
 * circumstances, intake), each counted by one statement over the read model, and the
 * records behind any of their cells, read with the very conditions that count it. The KPI
 * table is the {@link KpiTable}'s.
 */
@Component
public class OfficialTables implements StatisticsTables {

	/** Records listed per page of a drill-down. */
	public static final int PAGE_SIZE = 50;

	private static final Map<TableKind, CellQuery> QUERIES = Map.of(TableKind.ABUSED_CHILDREN,
			AbusedChildrenTable.QUERY, TableKind.CASES, CasesTable.QUERY, TableKind.SPECIAL_CIRCUMSTANCES,
			CircumstancesTable.QUERY, TableKind.INTAKE, IntakeTable.QUERY);

	private final CellCounts counts;

	private final ReferenceFigures referenceFigures;

	private final KpiTable kpis;

	private final Geography geography;

	OfficialTables(CellCounts counts, ReferenceFigures referenceFigures, KpiTable kpis, Geography geography) {
		this.counts = counts;
		this.geography = geography;
		this.referenceFigures = referenceFigures;
		this.kpis = kpis;
	}

	@Override
	public StatisticsTable table(TableKind kind, StatisticsPeriod period, StatisticsUnit unit, Audience audience) {
		if (kind == TableKind.KPIS) {
			return kpis.table(period, unit, audience);
		}
		TableFigures.Computed computed = computed(kind, period, unit);
		return audience == Audience.CASE_WORKERS ? computed.table()
				: SmallNumbers.suppress(computed.table(), computed.derivedFrom());
	}

	private TableFigures.Computed computed(TableKind kind, StatisticsPeriod period, StatisticsUnit unit) {
		CellQuery query = QUERIES.get(kind);
		TableFigures figures = new TableFigures(query, counts.count(query, period, unit));
		if (kind == TableKind.SPECIAL_CIRCUMSTANCES) {
			CircumstancesTable.shares(figures, childPopulation(period, unit).children());
		}
		else if (kind == TableKind.INTAKE) {
			IntakeTable.shares(figures);
		}
		return figures.table(kind, period, unit);
	}

	/**
	 * The unit's child population for the period, by the rule of {@link ChildPopulation}.
	 */
	ChildPopulation childPopulation(StatisticsPeriod period, StatisticsUnit unit) {
		int year = ChildPopulation.yearOf(period);
		Set<UnitId> inForce = new HashSet<>();
		geography.currentUnitsWithin(geography.provinceOf(unit.id())).forEach(u -> inForce.add(u.id()));
		Set<UnitId> parts = new HashSet<>(unit.counted());
		parts.retainAll(inForce);
		parts.remove(unit.id());
		Set<UnitId> asked = new HashSet<>(parts);
		asked.add(unit.id());
		return ChildPopulation.of(year, unit.id(), parts,
				referenceFigures.values(ReferenceFigures.Figure.CHILDREN, asked, year));
	}

	/**
	 * Where the user enters a missing child population of the unit, when the user may
	 * enter it.
	 */
	Optional<String> populationEntry(CurrentUser me, StatisticsUnit unit, ChildPopulation population) {
		return referenceFigures.entryAddress(me, ReferenceFigures.Figure.CHILDREN, unit.id(), population.year());
	}

	/** Whether the table has a counted cell at that row and column. */
	public boolean hasCell(TableKind kind, String row, String column) {
		CellQuery query = QUERIES.get(kind);
		return query != null && query.row(row).isPresent() && query.countedColumn(column).isPresent();
	}

	/** The message key of a row of the table. */
	public String rowLabel(TableKind kind, String row) {
		return QUERIES.get(kind).row(row).orElseThrow(() -> new UnknownStatisticsTable(row)).labelKey();
	}

	/** The message key of a counted column of the table. */
	public String columnLabel(TableKind kind, String column) {
		return QUERIES.get(kind).countedColumn(column).orElseThrow(() -> new UnknownStatisticsTable(column)).labelKey();
	}

	/**
	 * One page of the records a cell counts, for case workers only (the caller has
	 * decided the audience); refused as unknown when the table has no such counted cell.
	 */
	public Page<CellRecord> records(TableKind kind, String row, String column, StatisticsPeriod period,
			StatisticsUnit unit, int page) {
		CellQuery query = QUERIES.get(kind);
		if (query == null) {
			throw new UnknownStatisticsTable(kind.code());
		}
		CellQuery.Line line = query.row(row).orElseThrow(() -> new UnknownStatisticsTable(kind.code() + "/" + row));
		CellQuery.Split split = query.countedColumn(column)
			.orElseThrow(() -> new UnknownStatisticsTable(kind.code() + "/" + row + "/" + column));
		return counts.list(query, line, split, period, unit, page, PAGE_SIZE);
	}

}
