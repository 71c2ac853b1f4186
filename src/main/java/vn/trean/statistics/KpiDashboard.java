package vn.trean.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.shared.Time;
import vn.trean.shared.VietnameseText;
import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTables.Audience;

/**
 * A unit's dashboard: the KPIs of the current half year, the trend of the main ones over
 * the last six half years (each one statement over all six), and for a province the
 * ranking of its communes by the legal clocks overdue now, worst first.
 */
@Component
@Transactional(readOnly = true)
public class KpiDashboard {

	/** How many half years a trend covers, the current one included. */
	static final int TREND_PERIODS = 6;

	/** The KPIs drawn as trends. */
	static final List<Kpi> TRENDS = List.of(Kpi.EMERGENCY_ON_TIME, Kpi.PLAN_ON_TIME, Kpi.ASSESSMENT_MEDIAN,
			Kpi.CLOSURE_RATE);

	private final KpiTable kpis;

	private final KpiBreakdowns breakdowns;

	private final KpiQueries queries;

	private final Clock clock;

	KpiDashboard(KpiTable kpis, KpiBreakdowns breakdowns, KpiQueries queries, Clock clock) {
		this.kpis = kpis;
		this.breakdowns = breakdowns;
		this.queries = queries;
		this.clock = clock;
	}

	/** What the dashboard shows. */
	public record Dashboard(StatisticsUnit unit, StatisticsPeriod period, StatisticsTable table, List<LineChart> charts,
			List<Ranked> ranking) {
	}

	/** A commune of the ranking: its place, name and overdue clocks. */
	public record Ranked(int place, String name, Cell overdue) {
	}

	public Dashboard dashboard(StatisticsUnit unit, Audience audience) {
		boolean suppress = audience == Audience.FIGURES_ONLY;
		StatisticsPeriod current = StatisticsPeriod.halfYearOf(LocalDate.now(clock.withZone(Time.ZONE)));
		List<StatisticsPeriod> periods = lastHalfYears(current);
		List<Map<Kpi, KpiValue>> byPeriod = kpis.byPeriod(KpiScope.whole(unit, periods), KpiScope.WHOLE,
				EnumSet.copyOf(TRENDS));
		List<LineChart> charts = new ArrayList<>();
		for (Kpi kpi : TRENDS) {
			List<Cell> cells = byPeriod.stream().map(v -> v.get(kpi).valueCell(suppress)).toList();
			charts.add(LineChart.of(kpi, periods, cells));
		}
		Map<Kpi, KpiValue> trendsNow = new EnumMap<>(byPeriod.get(byPeriod.size() - 1));
		trendsNow.keySet().retainAll(TRENDS);
		return new Dashboard(unit, current, kpis.table(current, unit, audience, trendsNow), charts,
				unit.province() ? ranking(unit, suppress) : List.of());
	}

	private static long rankedBy(long overdue, boolean suppress) {
		return suppress && KpiSmallNumbers.small(overdue) ? 1 : overdue;
	}

	static List<StatisticsPeriod> lastHalfYears(StatisticsPeriod current) {
		List<StatisticsPeriod> periods = new ArrayList<>();
		StatisticsPeriod p = current;
		for (int i = 0; i < TREND_PERIODS; i++) {
			periods.add(p);
			p = p.previous();
		}
		Collections.reverse(periods);
		return periods;
	}

	/**
	 * The communes with clocks overdue now, most first, then by name; a commune with none
	 * is left out. Withheld small counts rank together, by name, so the order does not
	 * tell them apart.
	 */
	private List<Ranked> ranking(StatisticsUnit province, boolean suppress) {
		List<AdministrativeUnit> communes = breakdowns.communesOf(province);
		KpiScope scope = KpiScope.byGroup(breakdowns.countedPerCommune(province, communes), List.of());
		Map<Long, Long> overdue = new java.util.HashMap<>();
		queries.overdueNow(scope).forEach(f -> overdue.merge(f.group(), f.numerator(), Long::sum));
		List<AdministrativeUnit> ranked = communes.stream()
			.filter(c -> overdue.getOrDefault(c.id().value(), 0L) > 0)
			.sorted(Comparator.<AdministrativeUnit>comparingLong(c -> -rankedBy(overdue.get(c.id().value()), suppress))
				.thenComparing(VietnameseText.byName(AdministrativeUnit::fullName)))
			.toList();
		List<Ranked> places = new ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			AdministrativeUnit c = ranked.get(i);
			places.add(new Ranked(i + 1, c.fullName(), KpiSmallNumbers.count(overdue.get(c.id().value()), suppress)));
		}
		return places;
	}

}
