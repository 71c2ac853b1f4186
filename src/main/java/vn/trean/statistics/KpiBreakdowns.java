package vn.trean.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitHistory;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.shared.VietnameseText;
import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTables.Audience;

/**
 * The main KPIs split: by commune of today for the province (the city view), by officer
 * for a commune (the commune view). Officers are named only to those who may see the
 * commune's cases; a viewer of figures only sees the communes, never an officer.
 */
@Component
@Transactional(readOnly = true)
public class KpiBreakdowns {

	/** The KPIs a breakdown shows, left to right. */
	static final List<Kpi> COLUMNS = List.of(Kpi.EMERGENCY_ON_TIME, Kpi.PLAN_ON_TIME, Kpi.ASSESSMENT_MEDIAN,
			Kpi.CASE_LOAD, Kpi.CLOSURE_RATE, Kpi.OVERDUE_NOW);

	private final KpiTable kpis;

	private final Geography geography;

	private final Accounts accounts;

	KpiBreakdowns(KpiTable kpis, Geography geography, Accounts accounts) {
		this.kpis = kpis;
		this.geography = geography;
		this.accounts = accounts;
	}

	/** What the breakdown splits by. */
	public enum By {

		/** The communes of today of a province. */
		COMMUNE,
		/** The officers of a commune's cases. */
		OFFICER,
		/** No breakdown for this unit and audience. */
		NONE

	}

	/** A breakdown: what it splits by, and a line per commune or officer. */
	public record Breakdown(By by, List<Line> lines) {

		public List<String> columns() {
			return COLUMNS.stream().map(Kpi::name).toList();
		}

	}

	/**
	 * One commune's or officer's figures, one entry per column; the commune's code, or
	 * {@code null} for an officer.
	 */
	public record Line(String name, @Nullable String code, List<Entry> entries) {
	}

	/** One KPI of a line: its value, numerator and denominator cells. */
	public record Entry(String kpi, StatisticsTable.Measure measure, Cell value, Cell numerator, Cell denominator) {
	}

	public Breakdown breakdown(StatisticsPeriod period, StatisticsUnit unit, Audience audience) {
		boolean suppress = audience == Audience.FIGURES_ONLY;
		if (unit.province()) {
			return new Breakdown(By.COMMUNE, byCommune(period, unit, suppress));
		}
		if (unit.level() == AdministrativeUnit.Level.COMMUNE && audience == Audience.CASE_WORKERS) {
			return new Breakdown(By.OFFICER, byOfficer(period, unit));
		}
		return new Breakdown(By.NONE, List.of());
	}

	/** The communes of today of a province, by id, in name order. */
	List<AdministrativeUnit> communesOf(StatisticsUnit province) {
		return geography.currentUnitsWithin(province.id())
			.stream()
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.toList();
	}

	/**
	 * Each commune's id with the units counted for it (itself and the old communes merged
	 * whole into it), from the province's history in one reading.
	 */
	Map<Long, Set<UnitId>> countedPerCommune(StatisticsUnit province, List<AdministrativeUnit> communes) {
		Map<Long, Set<UnitId>> counted = new LinkedHashMap<>();
		communes.forEach(c -> counted.put(c.id().value(), new java.util.HashSet<>(Set.of(c.id()))));
		geography.history(province.id()).groups(UnitHistory.View.CURRENT_COMMUNES).forEach((unit, commune) -> {
			if (commune != null && counted.containsKey(commune.value())) {
				counted.get(commune.value()).add(unit);
			}
		});
		return counted;
	}

	private List<Line> byCommune(StatisticsPeriod period, StatisticsUnit unit, boolean suppress) {
		List<AdministrativeUnit> communes = communesOf(unit);
		Map<Long, Map<Kpi, KpiValue>> values = kpis
			.byGroup(KpiScope.byGroup(countedPerCommune(unit, communes), List.of(period)), 0);
		List<Line> lines = new ArrayList<>();
		for (AdministrativeUnit commune : communes) {
			Map<Kpi, KpiValue> v = values.get(commune.id().value());
			if (v != null) {
				lines.add(line(commune.fullName(), commune.code(), v, suppress));
			}
		}
		return lines;
	}

	private List<Line> byOfficer(StatisticsPeriod period, StatisticsUnit unit) {
		Map<Long, Map<Kpi, KpiValue>> values = kpis.byGroup(KpiScope.byOfficer(unit, List.of(period)), 0);
		Map<Long, String> names = accounts.displayNames(values.keySet());
		return values.entrySet()
			.stream()
			.filter(e -> names.containsKey(e.getKey()))
			.map(e -> line(names.get(e.getKey()), null, e.getValue(), false))
			.sorted(Comparator.comparing(Line::name, VietnameseText.ORDER))
			.toList();
	}

	static Line line(String name, @Nullable String code, Map<Kpi, KpiValue> values, boolean suppress) {
		List<Entry> entries = new ArrayList<>();
		for (Kpi kpi : COLUMNS) {
			KpiValue v = values.get(kpi);
			entries.add(new Entry(kpi.name(), kpi.measure(), v.valueCell(suppress),
					KpiSmallNumbers.count(v.numerator(), suppress), KpiSmallNumbers.count(v.denominator(), suppress)));
		}
		return new Line(name, code, entries);
	}

}
