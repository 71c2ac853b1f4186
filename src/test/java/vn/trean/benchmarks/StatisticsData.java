package vn.trean.benchmarks;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistics benchmark's records, written straight into the read model (the tables
 * the statistics pages read, and nothing else): cases spread over five years and Cần
 * Thơ's communes with their clocks, closings and abused children; reports by channel;
 * children in special circumstances with their supports. The shares (substantiated, late,
 * closed, reopened) are set so that every figure of the tables and KPIs has work to do.
 */
final class StatisticsData {

	private final JdbcClient jdbc;

	StatisticsData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The read model's rows; the total of rows written. */
	long generate(int cases, int reports, int circumstances, Long[] communes) {
		jdbc.sql(
				"""
						INSERT INTO stat_case (case_id, unit_id, officer_id, status, urgency, received_at, opened_at,
						  harm_confirmed_at, initial_assessment_at, plan_drafted_at, emergency_at, separated_at, closed_at, demo)
						SELECT md5('bm-case-' || g)::uuid, (CAST(:units AS bigint[]))[1 + g % cardinality(CAST(:units AS bigint[]))],
						  -(1 + g % 400), CASE WHEN g % 3 = 0 THEN 'CLOSED' ELSE 'IN_IMPLEMENTATION' END,
						  CASE WHEN g % 10 = 0 THEN 'EMERGENCY' ELSE 'NORMAL' END, t, t + interval '10 minutes',
						  CASE WHEN g % 10 < 7 THEN t + interval '1 day' END,
						  CASE WHEN g % 10 < 7 THEN t + interval '1 day' + (g % 97) * interval '1 hour' END,
						  CASE WHEN g % 10 < 6 THEN t + interval '8 days' END,
						  CASE WHEN g % 10 = 0 THEN t + (g % 17) * interval '1 hour' END,
						  CASE WHEN g % 40 = 0 THEN t + interval '12 hours' END,
						  CASE WHEN g % 3 = 0 THEN t + interval '60 days' END, TRUE
						FROM (SELECT g, timestamptz '2021-01-01 08:00+07'
						        + (g::float8 / :n) * (timestamptz '2026-11-30 08:00+07' - timestamptz '2021-01-01 08:00+07') AS t
						      FROM generate_series(1, :n) g) s""")
			.param("units", communes)
			.param("n", cases)
			.update();
		jdbc.sql(
				"""
						INSERT INTO stat_case_deadline (case_id, step, started_at, due_at, met_at, unit_id)
						SELECT case_id, 'VERIFICATION', opened_at, opened_at + interval '2 days', harm_confirmed_at, unit_id
						FROM stat_case WHERE officer_id < 0
						UNION ALL
						SELECT case_id, 'EMERGENCY_DECISION', received_at, received_at + interval '12 hours', emergency_at, unit_id
						FROM stat_case WHERE officer_id < 0 AND urgency = 'EMERGENCY'
						UNION ALL
						SELECT case_id, 'PLAN', initial_assessment_at, initial_assessment_at + interval '7 days', plan_drafted_at,
						  unit_id FROM stat_case WHERE officer_id < 0 AND initial_assessment_at IS NOT NULL""")
			.update();
		jdbc.sql(
				"""
						INSERT INTO stat_case_closure (case_id, closed_at, substantiated, reopened_at, unit_id)
						SELECT case_id, opened_at + interval '30 days', harm_confirmed_at IS NOT NULL,
						  CASE WHEN closed_at IS NULL OR hashtext(case_id::text) % 11 = 0 THEN opened_at + interval '50 days' END,
						  unit_id FROM stat_case WHERE officer_id < 0 AND (closed_at IS NOT NULL OR hashtext(case_id::text) % 5 = 0)
						""")
			.update();
		jdbc.sql(
				"""
						INSERT INTO stat_abused_child (case_id, child_id, harm_form, unit_id, harm_on, sex, age, setting, demo)
						SELECT s.case_id, 5000000 + (x.n / 8) * 8 + x.n % 7, f.form, s.unit_id, (s.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
						  (ARRAY['FEMALE','MALE','UNKNOWN'])[1 + x.n % 3], CASE WHEN x.n % 50 = 0 THEN NULL ELSE x.n % 16 END,
						  (ARRAY['FAMILY','SCHOOL','COMMUNITY','ONLINE','WORKPLACE','INSTITUTION','OTHER','UNKNOWN'])[1 + x.n % 8], TRUE
						FROM (SELECT case_id, unit_id, received_at, row_number() OVER (ORDER BY case_id) AS n FROM stat_case
						      WHERE officer_id < 0 AND harm_confirmed_at IS NOT NULL) s
						CROSS JOIN LATERAL (SELECT s.n::int AS n) x
						CROSS JOIN LATERAL (SELECT (ARRAY['VIOLENCE','EXPLOITATION','SEXUAL_RAPE','SEXUAL_FORCIBLE',
						  'SEXUAL_INTERCOURSE_WITH_CHILD','SEXUAL_MOLESTATION','SEXUAL_PROSTITUTION_OR_PORNOGRAPHY','TRAFFICKING',
						  'ABANDONMENT','NEGLECT','OTHER_HARM'])[1 + (x.n + k) % 11] AS form
						  FROM generate_series(0, CASE WHEN x.n % 4 = 0 THEN 1 ELSE 0 END) k) f""")
			.update();
		jdbc.sql(
				"""
						INSERT INTO stat_report (report_id, unit_id, received_at, channel, contact_type, routed_to_commune, in_case, demo)
						SELECT md5('bm-report-' || g)::uuid, (CAST(:units AS bigint[]))[1 + g % cardinality(CAST(:units AS bigint[]))],
						  timestamptz '2021-01-01 08:00+07'
						    + (g::float8 / :n) * (timestamptz '2026-11-30 08:00+07' - timestamptz '2021-01-01 08:00+07'),
						  (ARRAY['HOTLINE_111','CITY_LINE_18008065','PHONE_TO_COMMUNE','WALK_IN','SCHOOL','HEALTH_FACILITY','POLICE',
						    'ONLINE_FORM','API','PRESS_OR_SOCIAL_MEDIA','OFFICIAL_LETTER','OTHER'])[1 + g % 12],
						  CASE WHEN g % 5 = 0 THEN 'COUNSELLING' WHEN g % 11 = 0 THEN 'INFORMATION_REQUEST' ELSE 'HARM' END,
						  g % 13 <> 0, g % 3 = 0, TRUE
						FROM generate_series(1, :n) g""")
			.param("units", communes)
			.param("n", reports)
			.update();
		jdbc.sql(
				"""
						INSERT INTO stat_circumstance (child_id, grp, source, source_id, case_id, unit_id, started_on, ended_on)
						SELECT 8000000 + g / 2, (ARRAY['ORPHANED_BOTH_PARENTS','ABANDONED','NO_ONE_TO_RELY_ON','DISABILITY','HIV_AIDS',
						  'IN_CONFLICT_WITH_LAW','DRUG_ADDICTED','DROPPED_OUT_TO_EARN_LIVING','SERIOUSLY_HARMED_BY_VIOLENCE',
						  'EXPLOITED','SEXUALLY_ABUSED','TRAFFICKED','SERIOUS_ILLNESS_POOR_HOUSEHOLD','MIGRANT_OR_UNACCOMPANIED'])[1 + g % 14],
						  'RECORD', 'bm-' || g, NULL, (CAST(:units AS bigint[]))[1 + (g / 2) % cardinality(CAST(:units AS bigint[]))],
						  date '2021-01-01' + (g % 2100), CASE WHEN g % 3 = 0 THEN date '2021-01-01' + (g % 2100) + 400 END
						FROM generate_series(1, :n) g""")
			.param("units", communes)
			.param("n", circumstances)
			.update();
		jdbc.sql(
				"""
						INSERT INTO stat_support (child_id, source, source_id, kind, case_id, unit_id, started_on, ended_on)
						SELECT child_id, 'RECORD', 'bm-' || source_id, 'HEALTHCARE', NULL, unit_id, started_on + 30, started_on + 200
						FROM stat_circumstance WHERE source_id LIKE 'bm-%' AND hashtext(source_id) % 5 <> 0""")
			.update();
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM stat_case) + (SELECT count(*) FROM stat_case_deadline)
				  + (SELECT count(*) FROM stat_case_closure) + (SELECT count(*) FROM stat_abused_child)
				  + (SELECT count(*) FROM stat_report) + (SELECT count(*) FROM stat_circumstance)
				  + (SELECT count(*) FROM stat_support)""").query(Long.class).single();
	}

}
