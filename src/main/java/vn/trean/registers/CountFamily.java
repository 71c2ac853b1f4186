package vn.trean.registers;

import java.util.EnumSet;
import java.util.Set;

import vn.trean.registers.RegisterCounts.Count;

/**
 * The families of counts {@link CommuneCounts} computes, each by one query grouped by
 * commune (or group) and year: the statement's common part, {@code units} and
 * {@code years}, is {@code CommuneCounts}'.
 */
enum CountFamily {

	/**
	 * One pass over the roster grouped by unit, a count per year and figure (the years
	 * are written into the statement by {@link #workforceByYear}), reading the first
	 * training dates kept on the row (V20) through a covering index (V21).
	 */
	WORKFORCE(EnumSet.of(Count.WORKFORCE, Count.WORKFORCE_TRAINED, Count.INVESTIGATORS, Count.INVESTIGATORS_TRAINED),
			null),

	/**
	 * The facilities of each commune, and one check per facility and year read through
	 * the flags kept on the checks (V23): a school's first check of the year with a
	 * prevention session, and a health facility's last check of the year, whose verdict
	 * (the low bit of its ordering key, V22) holds until the year of its next check. A
	 * verdict is counted as a change: +1 in the year it starts to hold (the first year
	 * shown for an earlier one), -1 in the year of the next check; a commune's count in a
	 * year is the sum of its changes up to that year.
	 */
	FACILITIES(
			EnumSet.of(Count.SCHOOLS, Count.SCHOOLS_WITH_PREVENTION_SESSION, Count.HEALTH_FACILITIES,
					Count.HEALTH_FACILITIES_STRENGTHENED),
			"""
					located AS (
					  SELECT f.id, f.kind, u.commune_id FROM facility f JOIN units u ON u.unit_id = f.unit_id),
					sessions AS (
					  SELECT f.commune_id, c.checked_year AS year, count(*) AS schools
					  FROM facility_check c JOIN located f ON f.id = c.facility_id
					  WHERE c.first_session_of_year AND f.kind = 'SCHOOL' AND c.checked_year BETWEEN :from AND :to
					  GROUP BY 1, 2),
					verdicts AS (
					  SELECT f.commune_id, greatest(c.checked_year, :from) AS since, c.verdict_key & 1 = 1 AS strengthened,
					    lead(c.checked_year) OVER (PARTITION BY c.facility_id ORDER BY c.checked_year) AS until
					  FROM facility_check c JOIN located f ON f.id = c.facility_id
					  WHERE c.last_of_year AND f.kind = 'HEALTH_FACILITY' AND c.checked_year <= :to),
					changes AS (
					  SELECT commune_id, since AS year, count(*) AS change FROM verdicts
					  WHERE strengthened AND (until IS NULL OR until > since) GROUP BY 1, 2
					  UNION ALL
					  SELECT commune_id, until, -count(*) FROM verdicts
					  WHERE strengthened AND until > since AND until <= :to GROUP BY 1, 2),
					counted AS (
					  SELECT p.commune_id, y.year, p.schools, 0 AS prevention, p.health, 0 AS strengthened
					  FROM (SELECT commune_id, count(*) FILTER (WHERE kind = 'SCHOOL') AS schools,
					      count(*) FILTER (WHERE kind = 'HEALTH_FACILITY') AS health
					    FROM located GROUP BY 1) p CROSS JOIN years y
					  UNION ALL
					  SELECT commune_id, year, 0, schools, 0, 0 FROM sessions
					  UNION ALL
					  SELECT c.commune_id, y.year, 0, 0, 0, sum(c.change)
					  FROM changes c JOIN years y ON c.year <= y.year GROUP BY 1, 2)
					SELECT commune_id, year, GROUPING(commune_id) AS total,
					  sum(schools) AS schools, sum(prevention) AS schools_with_prevention_session,
					  sum(health) AS health_facilities, sum(strengthened) AS health_facilities_strengthened
					FROM counted GROUP BY GROUPING SETS ((commune_id, year), (year))"""),

	ROOMS(EnumSet.of(Count.INTERVIEW_ROOMS, Count.CHILD_FRIENDLY_INTERVIEW_ROOMS), """
			counted AS (
			  SELECT u.commune_id, y.year, r.child_friendly
			  FROM interview_room r JOIN units u ON u.unit_id = r.unit_id
			  JOIN years y ON r.established_on <= make_date(y.year, 12, 31))
			SELECT commune_id, year, GROUPING(commune_id) AS total, count(*) AS interview_rooms,
			  count(*) FILTER (WHERE child_friendly) AS child_friendly_interview_rooms
			FROM counted GROUP BY GROUPING SETS ((commune_id, year), (year))"""),

	HOUSEHOLDS(EnumSet.of(Count.HOUSEHOLDS_REACHED), """
			counted AS (
			  SELECT u.commune_id, y.year, h.household_code
			  FROM communication_event e JOIN units u ON u.unit_id = e.unit_id
			  JOIN years y ON e.held_on BETWEEN make_date(y.year, 1, 1) AND make_date(y.year, 12, 31)
			  JOIN communication_event_household h ON h.event_id = e.id)
			SELECT commune_id, year, GROUPING(commune_id) AS total,
			  count(DISTINCT household_code) AS households_reached
			FROM counted GROUP BY GROUPING SETS ((commune_id, year), (year))"""),

	/**
	 * The counts another module contributes ({@link ContributedCounts}): each
	 * contributing module's grouped statement is a query of its own, asked of it by
	 * {@link CountStatements}.
	 */
	CONTRIBUTED(EnumSet.of(Count.SCHOOL_CASES, Count.SCHOOL_CASES_SUPPORTED_IN_TIME, Count.VICTIM_INTERVIEWS,
			Count.VICTIM_INTERVIEWS_CHILD_FRIENDLY_ROOM, Count.VICTIM_INTERVIEWS_TRAINED_INVESTIGATOR), null);

	/**
	 * The workforce family's statement; {@code %s} are, in order, the per-year columns of
	 * {@code per_unit}, the active and the trained members' {@code CASE} branches.
	 */
	private static final String WORKFORCE_BY_YEAR = """
			per_unit AS (
			  SELECT m.unit_id, m.investigator%s
			  FROM (SELECT unit_id, role = 'POLICE_INVESTIGATOR' AS investigator, active_from, active_to,
			      CASE WHEN role = 'POLICE_INVESTIGATOR' THEN first_investigation_training_on
			        ELSE first_trained_on END AS trained_on
			    FROM workforce_member
			    WHERE unit_id = ANY(CAST(:units AS bigint[])) AND active_from <= make_date(:to, 12, 31)
			      AND (active_to IS NULL OR active_to >= make_date(:from, 1, 1))) m
			  GROUP BY m.unit_id, m.investigator),
			counted AS (
			  SELECT u.commune_id, y.year, p.investigator,
			    CASE y.year%s END AS active, CASE y.year%s END AS trained
			  FROM per_unit p JOIN units u ON u.unit_id = p.unit_id CROSS JOIN years y)
			SELECT commune_id, year, GROUPING(commune_id) AS total,
			  coalesce(sum(active) FILTER (WHERE NOT investigator), 0) AS workforce,
			  coalesce(sum(trained) FILTER (WHERE NOT investigator), 0) AS workforce_trained,
			  coalesce(sum(active) FILTER (WHERE investigator), 0) AS investigators,
			  coalesce(sum(trained) FILTER (WHERE investigator), 0) AS investigators_trained
			FROM counted GROUP BY GROUPING SETS ((commune_id, year), (year))""";

	final Set<Count> counts;

	private final String sql;

	CountFamily(Set<Count> counts, String sql) {
		this.counts = counts;
		this.sql = sql;
	}

	/** The family's grouped statement; none for {@link #CONTRIBUTED}. */
	String sql(int fromYear, int toYear) {
		if (this == CONTRIBUTED) {
			throw new IllegalStateException("contributed counts are asked of their module");
		}
		return this == WORKFORCE ? workforceByYear(fromYear, toYear) : sql;
	}

	/**
	 * The workforce family for a range of years: each year's active members and trained
	 * members (a member is active in a year when their period overlaps it, and trained
	 * when their first training of the kind is on or before its last day) counted in one
	 * pass over the roster per unit, then one row per group and year. The years are
	 * numbers written into the statement.
	 */
	private static String workforceByYear(int fromYear, int toYear) {
		StringBuilder counts = new StringBuilder();
		StringBuilder active = new StringBuilder();
		StringBuilder trained = new StringBuilder();
		for (int year = fromYear; year <= toYear; year++) {
			String overlaps = "m.active_from <= DATE '%d-12-31' AND (m.active_to IS NULL OR m.active_to >= DATE '%d-01-01')"
				.formatted(year, year);
			counts.append(",\n count(*) FILTER (WHERE ")
				.append(overlaps)
				.append(") AS active_")
				.append(year)
				.append(",\n count(*) FILTER (WHERE ")
				.append(overlaps)
				.append(" AND m.trained_on <= DATE '")
				.append(year)
				.append("-12-31') AS trained_")
				.append(year);
			active.append(" WHEN ").append(year).append(" THEN p.active_").append(year);
			trained.append(" WHEN ").append(year).append(" THEN p.trained_").append(year);
		}
		return WORKFORCE_BY_YEAR.formatted(counts, active, trained);
	}

}
