package vn.trean.registers;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitHistory;
import vn.trean.geography.UnitId;

/**
 * What the registers count for a unit and everything under it in a year: the figures plan
 * indicators of source "register" are computed from. Each count is one SQL query whose
 * rows are the records behind the number, so {@link #trace} lists exactly what
 * {@link #counts} counted; a few counts are contributed by another module from its own
 * records ({@link ContributedCounts}) and are counted and traced the same way. It decides
 * nothing about who may see the numbers: the calling module asks {@code Authorization}
 * first.
 */
@Service
@Transactional(readOnly = true)
public class RegisterCounts {

	/** A figure the registers give for a unit's subtree and a year. */
	public enum Count {

		/** Officers, collaborators, volunteers and social workers active in the year. */
		WORKFORCE,
		/** Of them, those who attended a training (of any kind) in the year or before. */
		WORKFORCE_TRAINED,
		/** Police investigators of child-abuse cases active in the year. */
		INVESTIGATORS,
		/**
		 * Of them, those trained in child-friendly investigation in the year or before.
		 */
		INVESTIGATORS_TRAINED,
		/** Schools on the register. */
		SCHOOLS,
		/** Schools checked in the year with a prevention session held. */
		SCHOOLS_WITH_PREVENTION_SESSION,
		/** Health facilities on the register. */
		HEALTH_FACILITIES,
		/**
		 * Health facilities whose latest check up to the end of the year found the intake
		 * procedure, trained staff and counselling.
		 */
		HEALTH_FACILITIES_STRENGTHENED,
		/** Interview rooms established by the end of the year. */
		INTERVIEW_ROOMS,
		/** Of them, the child-friendly ones. */
		CHILD_FRIENDLY_INTERVIEW_ROOMS,
		/**
		 * Households identified by communication events of the year, each counted once.
		 */
		HOUSEHOLDS_REACHED,
		/**
		 * Contributed by the referrals: school-related cases with harm confirmed opened
		 * in the period.
		 */
		SCHOOL_CASES,
		/**
		 * Contributed by the referrals: of them, those a school or an education
		 * department supported in time (a completed referral that met its answer and
		 * completion clocks).
		 */
		SCHOOL_CASES_SUPPORTED_IN_TIME,
		/**
		 * Contributed by the referrals: interviews of child victims the police held in
		 * the year, counted where the police agency is.
		 */
		VICTIM_INTERVIEWS,
		/** Of them, those held in a child-friendly interview room of the register. */
		VICTIM_INTERVIEWS_CHILD_FRIENDLY_ROOM,
		/**
		 * Of them, those led by an investigator trained in child-friendly investigation
		 * by the day.
		 */
		VICTIM_INTERVIEWS_TRAINED_INVESTIGATOR

	}

	/** The figures of a unit's subtree for a year, by count. */
	public record Figures(UnitId unit, int year, Map<Count, Long> values) {

		public long get(Count count) {
			return values.getOrDefault(count, 0L);
		}

	}

	/**
	 * One record behind a count: the register it comes from, its id, what the trace shows
	 * (a name, a facility, a household code), its unit and its date.
	 */
	public record TracedRecord(String register, long id, String label, UnitId unit, LocalDate date) {
	}

	private final JdbcClient jdbc;

	private final Geography geography;

	private final CommuneCounts communes;

	private final CountStatements statements;

	RegisterCounts(JdbcClient jdbc, Geography geography, CommuneCounts communes, CountStatements statements) {
		this.jdbc = jdbc;
		this.geography = geography;
		this.communes = communes;
		this.statements = statements;
	}

	/** Every count of the unit and the units under it (in every period) for the year. */
	public Figures counts(UnitId unit, int year) {
		return counts(unit, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/**
	 * Every count of the unit and the units counted for it between two days (a half year
	 * of a six-monthly report): active in the period, trained or checked by its last day,
	 * held within it. {@link Figures#year} is the year of the last day.
	 */
	public Figures counts(UnitId unit, LocalDate start, LocalDate end) {
		List<Count> counts = List.of(Count.values());
		String select = counts.stream()
			.map(c -> statements.rows(c).map(sql -> "(SELECT count(*) FROM (" + sql + ") AS q)").orElse("0") + " AS "
					+ c.name().toLowerCase())
			.collect(Collectors.joining(",\n", "SELECT ", ""));
		Map<String, Object> row = bind(jdbc.sql(select), unit, start, end).query().singleRow();
		Map<Count, Long> values = new EnumMap<>(Count.class);
		counts.forEach(c -> values.put(c, ((Number) row.get(c.name().toLowerCase())).longValue()));
		return new Figures(unit, end.getYear(), values);
	}

	/**
	 * The figures of every group of a province's history and of the province itself, for
	 * every year of a range. {@link #get} gives zeros where no record counted.
	 */
	public record Grouped(UnitId province, int fromYear, int toYear, Map<UnitId, Map<Integer, Figures>> figures) {

		/** The figures of the province or of one of its groups for a year. */
		public Figures get(UnitId unit, int year) {
			Figures found = figures.getOrDefault(unit, Map.of()).get(year);
			return found != null ? found : new Figures(unit, year, Map.of());
		}

	}

	/**
	 * Every count asked for, of every commune in force today in the province and of the
	 * province, for every year from {@code fromYear} to {@code toYear}; the records of
	 * old communes merged whole into a commune of today count for it, and every old unit
	 * that cannot be put on one commune (a split ward, an old district or province) is a
	 * group of its own ({@link UnitHistory.View#CURRENT_COMMUNES}).
	 */
	public Grouped countsByCommune(UnitId province, int fromYear, int toYear, Set<Count> wanted) {
		return countsByGroup(province, UnitHistory.View.CURRENT_COMMUNES, fromYear, toYear, wanted);
	}

	/**
	 * Every count asked for, of every group of the province's history in the view and of
	 * the province, for every year from {@code fromYear} to {@code toYear}: one query per
	 * family of counts (the workforce, the facilities, the interview rooms, the
	 * households reached, and each module's contributed counts), grouped by group and
	 * year, whatever the number of groups and years. A group's figures count the records
	 * of {@link UnitHistory#unitsOf}, the province's those of every unit of its history
	 * (the groups' and its own): numerators are summed with numerators and denominators
	 * with denominators; nothing is averaged.
	 */
	public Grouped countsByGroup(UnitId province, UnitHistory.View view, int fromYear, int toYear, Set<Count> wanted) {
		return communes.countsByGroup(province, view, fromYear, toYear, wanted);
	}

	/** How many workforce members (not investigators) had a training of the kind. */
	public long trainedWorkforce(UnitId unit, int year, TrainingKind kind) {
		return bind(jdbc.sql("SELECT count(*) FROM (" + CountStatements.trainedIn(kind) + ") AS q"), unit,
				LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query(Long.class)
			.single();
	}

	/** The records that make up a count, in unit and label order. */
	public List<TracedRecord> trace(UnitId unit, int year, Count count) {
		return trace(unit, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), count);
	}

	/**
	 * The records that make up {@link #counts(UnitId, LocalDate, LocalDate)}'s count
	 * (none for a contributed count nobody contributes).
	 */
	public List<TracedRecord> trace(UnitId unit, LocalDate start, LocalDate end, Count count) {
		return statements.rows(count).map(sql -> trace(unit, start, end, sql)).orElseGet(ArrayList::new);
	}

	/** The workforce members behind {@link #trainedWorkforce}. */
	public List<TracedRecord> traceTrainedWorkforce(UnitId unit, int year, TrainingKind kind) {
		return trace(unit, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), CountStatements.trainedIn(kind));
	}

	private List<TracedRecord> trace(UnitId unit, LocalDate start, LocalDate end, String sql) {
		return new ArrayList<>(
				bind(jdbc.sql("SELECT * FROM (" + sql + ") AS q ORDER BY unit_id, label COLLATE vietnamese, id"), unit,
						start, end)
					.query((rs, n) -> new TracedRecord(rs.getString("register"), rs.getLong("id"),
							rs.getString("label"), new UnitId(rs.getLong("unit_id")), RegisterRows.day(rs, "day")))
					.list());
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UnitId unit, LocalDate start, LocalDate end) {
		return spec.param("units", RegisterRows.ids(geography.unitsCountedFor(unit)))
			.param("start", Date.valueOf(start))
			.param("end", Date.valueOf(end));
	}

}
