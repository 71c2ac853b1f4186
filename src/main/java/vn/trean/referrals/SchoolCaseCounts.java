package vn.trean.referrals;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.trean.cases.ProtectionCase;
import vn.trean.directory.Sector;
import vn.trean.intake.Setting;
import vn.trean.registers.ContributedCounts;
import vn.trean.registers.RegisterCounts.Count;
import vn.trean.shared.Time;

/**
 * The counts of plan indicator 3.2 (learners who suffered school violence or sexual abuse
 * supported in time), from the cases and their referrals, for the registers' figures.
 * <p>
 * {@link Count#SCHOOL_CASES}: the cases opened in the period (by the day they were
 * opened) whose harm was confirmed (past verification and not closed as not
 * substantiated; a case being transferred counts as it was before) that are
 * school-related: a linked report's setting is the school, or a referral of the case was
 * sent to a school or an education department.
 * {@link Count#SCHOOL_CASES_SUPPORTED_IN_TIME}: of them, those with a completed referral
 * to a school or an education department whose answer and completion clocks were both met
 * on or before their due time. A case is counted once, in the commune it belongs to; a
 * later completion raises the figure of the period it was opened in.
 * <p>
 * A trace row is the case: its reference code with the codes of the school referrals that
 * count, its commune and its opening day; never a child's name. Its id is the number of
 * the case's code.
 */
@Component
class SchoolCaseCounts implements ContributedCounts {

	private static final String ZONE = "'" + Time.ZONE.getId() + "'";

	private static final String SCHOOL_SECTORS = "r.sector IN ('" + Sector.SCHOOL + "', '" + Sector.EDUCATION_DEPARTMENT
			+ "')";

	/** The statuses of a case whose harm was confirmed, in SQL. */
	private static final String CONFIRMED_STATUSES = EnumSet
		.range(ProtectionCase.Status.INITIAL_ASSESSMENT, ProtectionCase.Status.CLOSED)
		.stream()
		.map(s -> "'" + s.name() + "'")
		.collect(Collectors.joining(", ", "(", ")"));

	/**
	 * Case {@code c}'s harm was confirmed: a case being transferred counts as it was
	 * before (the index on the commune and status serves both branches).
	 */
	private static final String CONFIRMED = "(c.status IN " + CONFIRMED_STATUSES + " OR c.status = '"
			+ ProtectionCase.Status.TRANSFERRING + "' AND c.status_before_transfer IN " + CONFIRMED_STATUSES + ")";

	/** A school referral of case {@code c} sent. */
	private static final String SENT_TO_SCHOOL = "r.case_id = c.id AND r.sent_at IS NOT NULL AND " + SCHOOL_SECTORS;

	/** A school referral of case {@code c} completed with both its clocks met in time. */
	private static final String SUPPORTED_IN_TIME = "r.case_id = c.id AND r.state = '" + Referral.Status.COMPLETED
			+ "' AND " + SCHOOL_SECTORS + " " + """
					AND (SELECT count(*) FROM referral_deadline d WHERE d.referral_id = r.id
					 AND d.clock IN ('%s', '%s') AND d.met_at <= d.due_at) = 2""".formatted(Referral.Clock.RESPONSE,
					Referral.Clock.COMPLETION);

	/** A case {@code c} whose harm was confirmed and that is school-related. */
	private static final String SCHOOL_CASE = CONFIRMED + " " + """
			AND (EXISTS (SELECT 1 FROM case_report cr JOIN report p ON p.id = cr.report_id
			  WHERE cr.case_id = c.id AND p.setting = '%s')
			 OR EXISTS (SELECT 1 FROM referral r WHERE %s))""".formatted(Setting.SCHOOL, SENT_TO_SCHOOL);

	private static final String OPENED_DAY = "CAST(c.opened_at AT TIME ZONE " + ZONE + " AS date)";

	/** Case {@code c} was opened between the days {@code :start} and {@code :end}. */
	private static final String OPENED_IN_PERIOD = "c.opened_at >= CAST(:start AS timestamp) AT TIME ZONE " + ZONE
			+ " AND c.opened_at < (CAST(:end AS timestamp) + interval '1 day') AT TIME ZONE " + ZONE;

	/**
	 * The cases on {@code :units}; {@code %s} are, in order, the referrals named beside
	 * the case's code, the opening day, the period and the condition the case meets.
	 */
	private static final String ROWS = """
			SELECT CAST(substring(c.reference_code FROM '[0-9]+$') AS bigint) AS id, 'CASE' AS register,
			  concat_ws(' · ', c.reference_code, (SELECT string_agg(r.reference_code, ', ' ORDER BY r.reference_code)
			    FROM referral r WHERE %s)) AS label,
			  c.unit_id, %s AS day
			FROM protection_case c
			WHERE c.unit_id = ANY(:units) AND %s AND %s""";

	private static final String GROUPED = """
			counted AS (
			  SELECT u.commune_id, y.year, EXISTS (SELECT 1 FROM referral r WHERE %s) AS in_time
			  FROM protection_case c JOIN units u ON u.unit_id = c.unit_id
			  JOIN years y ON y.year = CAST(EXTRACT(YEAR FROM c.opened_at AT TIME ZONE %s) AS int)
			  WHERE c.opened_at >= make_timestamptz(CAST(:from AS int), 1, 1, 0, 0, 0, %s)
			    AND c.opened_at < make_timestamptz(CAST(:to AS int) + 1, 1, 1, 0, 0, 0, %s)
			    AND %s)
			SELECT commune_id, year, GROUPING(commune_id) AS total, count(*) AS school_cases,
			  count(*) FILTER (WHERE in_time) AS school_cases_supported_in_time
			FROM counted GROUP BY GROUPING SETS ((commune_id, year), (year))""".formatted(SUPPORTED_IN_TIME, ZONE, ZONE,
			ZONE, SCHOOL_CASE);

	@Override
	public Set<Count> counts() {
		return EnumSet.of(Count.SCHOOL_CASES, Count.SCHOOL_CASES_SUPPORTED_IN_TIME);
	}

	@Override
	public String rows(Count count) {
		return switch (count) {
			case SCHOOL_CASES -> ROWS.formatted(SENT_TO_SCHOOL, OPENED_DAY, OPENED_IN_PERIOD, SCHOOL_CASE);
			case SCHOOL_CASES_SUPPORTED_IN_TIME -> ROWS.formatted(SUPPORTED_IN_TIME, OPENED_DAY, OPENED_IN_PERIOD,
					SCHOOL_CASE + " AND EXISTS (SELECT 1 FROM referral r WHERE " + SUPPORTED_IN_TIME + ")");
			default -> throw new IllegalArgumentException(count + " is not counted from referrals");
		};
	}

	@Override
	public String grouped(int fromYear, int toYear) {
		return GROUPED;
	}

}
