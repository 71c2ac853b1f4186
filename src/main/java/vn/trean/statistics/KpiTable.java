package vn.trean.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.DeadlineStep;
import vn.trean.statistics.KpiQueries.Figure;
import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTable.Measure;
import vn.trean.statistics.StatisticsTable.Row;
import vn.trean.statistics.StatisticsTables.Audience;

/**
 * The KPI table of a unit and period ({@link TableKind#KPIS}): one row per {@link Kpi},
 * the referral times split by sector (only sectors that received referrals in the period)
 * and the overdue clocks by step, each under a heading row that carries the total.
 * Figures only: counts of 1 to 4 are withheld, and any value computed from one; when a
 * single step of the overdue clocks is withheld, the next smallest is too, so the total
 * does not give it away.
 */
@Component
@Transactional(readOnly = true)
class KpiTable {

	private final KpiQueries queries;

	KpiTable(KpiQueries queries) {
		this.queries = queries;
	}

	public StatisticsTable table(StatisticsPeriod period, StatisticsUnit unit, Audience audience) {
		return table(period, unit, audience, Map.of());
	}

	/**
	 * The table of a unit in a period, with the values already computed for that unit and
	 * period (a dashboard's trends end in it) taken as they are.
	 */
	StatisticsTable table(StatisticsPeriod period, StatisticsUnit unit, Audience audience, Map<Kpi, KpiValue> known) {
		boolean suppress = audience == Audience.FIGURES_ONLY;
		KpiScope scope = KpiScope.whole(unit, List.of(period));
		List<Row> rows = new ArrayList<>();
		Set<Kpi> wanted = EnumSet.allOf(Kpi.class);
		wanted.removeAll(known.keySet());
		wanted.remove(Kpi.OVERDUE_NOW);
		Map<Kpi, KpiValue> values = new EnumMap<>(
				collect(scope, wanted).getOrDefault(new Key(KpiScope.WHOLE, 0), empty()));
		values.putAll(known);
		values.forEach((kpi, value) -> {
			if (!kpi.split()) {
				rows.add(new Row(kpi.labelKey(), kpi.name(), 0, value.cells(suppress)));
			}
		});
		rows.addAll(referralRows(scope, suppress));
		rows.addAll(overdueRows(scope, suppress));
		return new StatisticsTable(TableKind.KPIS, period, unit, KpiValue.COLUMNS, rows, suppress);
	}

	/** The KPIs that are one row each, of every group of the scope in one period. */
	Map<Long, Map<Kpi, KpiValue>> byGroup(KpiScope scope, int period) {
		Map<Long, Map<Kpi, KpiValue>> groups = new TreeMap<>();
		collect(scope, EnumSet.allOf(Kpi.class)).forEach((key, values) -> {
			if (key.period() == period) {
				groups.put(key.group(), values);
			}
		});
		return groups;
	}

	/**
	 * The KPIs wanted, of one group of the scope in each period (those not wanted are
	 * left empty).
	 */
	List<Map<Kpi, KpiValue>> byPeriod(KpiScope scope, long group, Set<Kpi> wanted) {
		Map<Key, Map<Kpi, KpiValue>> all = collect(scope, wanted);
		List<Map<Kpi, KpiValue>> periods = new ArrayList<>();
		for (int i = 0; i < scope.starts().length; i++) {
			periods.add(all.getOrDefault(new Key(group, i), empty()));
		}
		return periods;
	}

	/** A group in a period. */
	private record Key(long group, int period) {
	}

	/**
	 * The KPIs wanted (and those computed by the same statement) by group and period.
	 * Kept whole: one statement per KPI, each read into the same map, reads best as one
	 * list.
	 */
	private Map<Key, Map<Kpi, KpiValue>> collect(KpiScope scope, Set<Kpi> wanted) {
		Map<Key, Map<Kpi, KpiValue>> all = new java.util.HashMap<>();
		Function<Figure, Map<Kpi, KpiValue>> of = f -> all.computeIfAbsent(new Key(f.group(), f.period()),
				k -> empty());
		for (Figure f : when(wanted, () -> queries.deadlinesMet(scope, DeadlineStep.EMERGENCY_DECISION.name()),
				Kpi.EMERGENCY_ON_TIME)) {
			of.apply(f).put(Kpi.EMERGENCY_ON_TIME, KpiValue.share(f.numerator(), f.denominator()));
		}
		for (Figure f : when(wanted, () -> queries.deadlinesMet(scope, DeadlineStep.PLAN.name()), Kpi.PLAN_ON_TIME)) {
			of.apply(f).put(Kpi.PLAN_ON_TIME, KpiValue.share(f.numerator(), f.denominator()));
		}
		for (Figure f : when(wanted, () -> queries.assessmentHours(scope), Kpi.ASSESSMENT_MEDIAN, Kpi.ASSESSMENT_P90)) {
			of.apply(f).put(Kpi.ASSESSMENT_MEDIAN, KpiValue.time(null, f.denominator(), f.first(), Measure.HOURS));
			of.apply(f).put(Kpi.ASSESSMENT_P90, KpiValue.time(null, f.denominator(), f.second(), Measure.HOURS));
		}
		for (Figure f : when(wanted, () -> queries.caseLoad(scope), Kpi.CASE_LOAD, Kpi.CASE_LOAD_MAX)) {
			of.apply(f).put(Kpi.CASE_LOAD, KpiValue.average(f.numerator(), f.denominator()));
			of.apply(f).put(Kpi.CASE_LOAD_MAX, KpiValue.count(f.first() == null ? 0 : f.first().longValue()));
		}
		for (Figure f : when(wanted, () -> queries.closures(scope), Kpi.CLOSURE_RATE)) {
			of.apply(f).put(Kpi.CLOSURE_RATE, KpiValue.share(f.numerator(), f.denominator()));
		}
		for (Figure f : when(wanted, () -> queries.reopenings(scope), Kpi.REOPENED_WITHIN_6_MONTHS)) {
			of.apply(f).put(Kpi.REOPENED_WITHIN_6_MONTHS, KpiValue.share(f.numerator(), f.denominator()));
		}
		for (Figure f : when(wanted, () -> queries.overdueNow(scope), Kpi.OVERDUE_NOW)) {
			of.apply(f)
				.merge(Kpi.OVERDUE_NOW, KpiValue.count(f.numerator()),
						(a, b) -> KpiValue.count(a.numerator() + b.numerator()));
		}
		all.keySet().removeIf(k -> k.group() == -1);
		return all;
	}

	/** The statement's figures when one of its KPIs is wanted, else none (not run). */
	private static List<Figure> when(Set<Kpi> wanted, Supplier<List<Figure>> statement, Kpi... kpis) {
		for (Kpi kpi : kpis) {
			if (wanted.contains(kpi)) {
				return statement.get();
			}
		}
		return List.of();
	}

	/** Every KPI of one row, with nothing counted: zero counts and no value. */
	private static Map<Kpi, KpiValue> empty() {
		Map<Kpi, KpiValue> values = new java.util.EnumMap<>(Kpi.class);
		for (Kpi kpi : Kpi.values()) {
			if (!kpi.split()) {
				values.put(kpi,
						kpi.measure() == Measure.PERCENT ? KpiValue.share(0, 0)
								: kpi.measure() == Measure.HOURS ? KpiValue.time(null, 0, null, Measure.HOURS)
										: kpi == Kpi.CASE_LOAD ? KpiValue.average(0, 0) : KpiValue.count(0));
			}
		}
		values.put(Kpi.OVERDUE_NOW, KpiValue.count(0));
		return values;
	}

	private List<Row> referralRows(KpiScope scope, boolean suppress) {
		List<Figure> sent = queries.referralDays(scope);
		if (sent.isEmpty()) {
			return List.of();
		}
		Map<String, Long> completed = queries.referralsCompleted(scope)
			.stream()
			.collect(Collectors.toMap(Figure::part, Figure::numerator, Long::sum));
		List<Figure> sectors = sent.stream().sorted(Comparator.comparing(Figure::part)).toList();
		List<Row> rows = new ArrayList<>();
		rows.add(heading(Kpi.REFERRAL_ANSWER, sectors.stream().mapToLong(Figure::numerator).sum(),
				sectors.stream().mapToLong(Figure::denominator).sum(), suppress));
		sectors.forEach(f -> rows.add(part(Kpi.REFERRAL_ANSWER, "sector." + f.part(), f.part(),
				KpiValue.time(f.numerator(), f.denominator(), f.first(), Measure.DAYS), suppress)));
		rows.add(heading(Kpi.REFERRAL_COMPLETION, completed.values().stream().mapToLong(Long::longValue).sum(),
				sectors.stream().mapToLong(Figure::denominator).sum(), suppress));
		sectors.forEach(f -> rows.add(part(Kpi.REFERRAL_COMPLETION, "sector." + f.part(), f.part(),
				KpiValue.time(completed.getOrDefault(f.part(), 0L), f.denominator(), f.second(), Measure.DAYS),
				suppress)));
		return rows;
	}

	private List<Row> overdueRows(KpiScope scope, boolean suppress) {
		Map<String, Long> byStep = queries.overdueNow(scope)
			.stream()
			.collect(Collectors.toMap(Figure::part, Figure::numerator, Long::sum));
		long total = byStep.values().stream().mapToLong(Long::longValue).sum();
		List<String> withheld = suppress ? withheldSteps(byStep) : List.of();
		List<Row> rows = new ArrayList<>();
		rows.add(new Row(Kpi.OVERDUE_NOW.labelKey(), Kpi.OVERDUE_NOW.name(), 0, KpiValue.count(total).cells(suppress)));
		for (DeadlineStep step : DeadlineStep.values()) {
			KpiValue value = KpiValue.count(byStep.getOrDefault(step.name(), 0L));
			List<Cell> cells = withheld.contains(step.name()) ? withheld() : value.cells(suppress);
			rows.add(new Row("step." + step.name(), Kpi.OVERDUE_NOW.name() + "." + step.name(), 1, cells));
		}
		return rows;
	}

	/**
	 * The steps whose count is withheld: the small ones, and when only one is small the
	 * next smallest that is not zero, so that the total does not reveal it.
	 */
	static List<String> withheldSteps(Map<String, Long> byStep) {
		List<String> small = byStep.entrySet()
			.stream()
			.filter(e -> KpiSmallNumbers.small(e.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		if (small.size() != 1) {
			return small;
		}
		Optional<String> next = byStep.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0 && !small.contains(e.getKey()))
			.min(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey);
		return next.map(n -> List.of(small.get(0), n)).orElse(small);
	}

	private static List<Cell> withheld() {
		Cell none = new Cell(null, false, null);
		Cell hidden = new Cell(null, true, null);
		return List.of(hidden, none, none, none, none);
	}

	private static Row heading(Kpi kpi, long numerator, long denominator, boolean suppress) {
		return new Row(kpi.labelKey(), kpi.name(), 0,
				new KpiValue(numerator, denominator, null, kpi.measure()).cells(suppress));
	}

	private static Row part(Kpi kpi, String labelKey, String part, KpiValue value, boolean suppress) {
		return new Row(labelKey, kpi.name() + "." + part, 1, value.cells(suppress));
	}

}
