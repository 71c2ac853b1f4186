package vn.trean.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.trean.geography.UnitId;
import vn.trean.shared.Time;

/**
 * What a KPI statement counts over: the units whose records count, how the records are
 * grouped (all together, by the commune of today they count for, or by their officer),
 * and one or more periods (a table has one, a trend six).
 *
 * @param units the unit of each unit-to-group pair
 * @param groups the group each unit's records fall in
 * @param groupExpression the SQL of a record's group: {@code g.grp}, or the case's
 * officer {@code c.officer_id}
 * @param starts the first instant of each period
 * @param ends the instant after each period
 */
record KpiScope(Long[] units, Long[] groups, String groupExpression, String[] starts, String[] ends) {

	/** The group of every record when they are counted together. */
	static final long WHOLE = 0;

	/** Every record of the unit in one group. */
	static KpiScope whole(StatisticsUnit unit, List<StatisticsPeriod> periods) {
		Long[] units = unit.countedIds();
		Long[] groups = new Long[units.length];
		java.util.Arrays.fill(groups, WHOLE);
		return new KpiScope(units, groups, "g.grp", starts(periods), ends(periods));
	}

	/** The records of each group's counted units in the group (a commune's id). */
	static KpiScope byGroup(Map<Long, ? extends java.util.Collection<UnitId>> counted, List<StatisticsPeriod> periods) {
		List<Long> units = new ArrayList<>();
		List<Long> groups = new ArrayList<>();
		counted.forEach((group, ids) -> ids.forEach(id -> {
			units.add(id.value());
			groups.add(group);
		}));
		return new KpiScope(units.toArray(Long[]::new), groups.toArray(Long[]::new), "g.grp", starts(periods),
				ends(periods));
	}

	/** The unit's records by the officer of their case. */
	static KpiScope byOfficer(StatisticsUnit unit, List<StatisticsPeriod> periods) {
		KpiScope whole = whole(unit, periods);
		return new KpiScope(whole.units, whole.groups, "c.officer_id", whole.starts, whole.ends);
	}

	/**
	 * The join to the case of each record (its alias {@code c}) when the records are
	 * grouped by its officer, else nothing: no other grouping reads the case.
	 */
	String caseJoin(String join, String alias) {
		return groupExpression.startsWith("c.") ? join + " stat_case c ON c.case_id = " + alias + ".case_id" : "";
	}

	private static String[] starts(List<StatisticsPeriod> periods) {
		return periods.stream().map(p -> startOf(p.from()).toString()).toArray(String[]::new);
	}

	private static String[] ends(List<StatisticsPeriod> periods) {
		return periods.stream().map(p -> startOf(p.to().plusDays(1)).toString()).toArray(String[]::new);
	}

	static Instant startOf(LocalDate day) {
		return day.atStartOfDay(Time.ZONE).toInstant();
	}

}
