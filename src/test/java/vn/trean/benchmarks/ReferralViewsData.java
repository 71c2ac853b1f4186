package vn.trean.benchmarks;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data of {@link ReferralViewsBenchmark}, generated in SQL: cases across the communes
 * (one in ten open, one child each), agencies of the directory (the first {@link #BUSY}
 * of them the busy ones: a quarter of all referrals goes to them), two referrals per case
 * in every state with their services, content, clocks, history, and a consent of the
 * child and a parent for each case, child and purpose, so no share is suspended.
 */
final class ReferralViewsData {

	/** Agencies that receive a quarter of the referrals between them. */
	static final int BUSY = 20;

	private JdbcClient jdbc;

	/**
	 * Generates everything as the database's owner (the application's role may not create
	 * the planning table); answers the agencies' ids, busy ones first.
	 */
	List<Long> generate(int cases, int agencies, Long[] communes, Long[] officerOfCommune, long author)
			throws java.sql.SQLException {
		try (java.sql.Connection owner = vn.trean.TestDatabase.ownerConnection()) {
			owner.setAutoCommit(true);
			jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(owner, true));
			return generated(cases, agencies, communes, officerOfCommune, author);
		}
	}

	private List<Long> generated(int cases, int agencies, Long[] communes, Long[] officerOfCommune, long author) {
		casesAndChildren(cases, communes, officerOfCommune);
		List<Long> ids = agencies(agencies, communes);
		plan(ids.toArray(Long[]::new));
		grounds(author);
		referrals(author);
		details();
		jdbc.sql("DROP TABLE bm_referral").update();
		vn.trean.TestDatabase.asOwner("ANALYZE");
		return ids;
	}

	private void casesAndChildren(int cases, Long[] communes, Long[] officerOfCommune) {
		jdbc.sql(
				"""
						INSERT INTO protection_case (id, reference_code, unit_id, assigned_officer_id, status, urgency, cycle,
						  opened_at, received_at, closed_at, version, demo)
						SELECT gen_random_uuid(), 'BM-' || lpad(g::text, 7, '0'),
						  (CAST(:units AS bigint[]))[1 + g % cardinality(CAST(:units AS bigint[]))],
						  NULLIF((CAST(:officers AS bigint[]))[1 + g % cardinality(CAST(:units AS bigint[]))], 0),
						  CASE WHEN g % 10 = 0 THEN (ARRAY['PLANNING','AWAITING_APPROVAL','IN_IMPLEMENTATION'])[1 + (g / 10) % 3]
						    ELSE 'CLOSED' END,
						  CASE WHEN g % 7 = 0 THEN 'EMERGENCY' WHEN g % 3 = 0 THEN 'HIGH' ELSE 'NORMAL' END, 1,
						  now() - ((g % 2000) * interval '1 day') - interval '30 days',
						  now() - ((g % 2000) * interval '1 day') - interval '30 days',
						  CASE WHEN g % 10 = 0 THEN NULL ELSE now() - ((g % 1000) * interval '1 day') END, 0, TRUE
						FROM generate_series(1, :cases) g""")
			.param("units", communes)
			.param("officers", officerOfCommune)
			.param("cases", cases)
			.update();
		jdbc.sql("""
				INSERT INTO child (full_name, name_key, given_key, sex, birth_date, birth_year, residence_unit_id,
				  address_detail, school, parent_name, parent_key, demo, created_at)
				SELECT 'Trần Thị Mô Phỏng ' || g, 'tran thi mo phong ' || g, 'phong', 'FEMALE',
				  DATE '2013-01-01' + g % 3000, extract(year FROM DATE '2013-01-01' + g % 3000)::int,
				  (CAST(:units AS bigint[]))[1 + g % cardinality(CAST(:units AS bigint[]))],
				  'BM-' || lpad(g::text, 7, '0'), 'Trường Tiểu học Mô Phỏng', 'Mẹ của trẻ ' || g, 'me cua tre ' || g,
				  TRUE, now()
				FROM generate_series(1, :cases) g""").param("units", communes).param("cases", cases).update();
		jdbc.sql("""
				INSERT INTO case_child (case_id, child_id)
				SELECT p.id, c.id FROM protection_case p JOIN child c ON c.address_detail = p.reference_code
				WHERE p.reference_code LIKE 'BM-%'""").update();
	}

	private List<Long> agencies(int agencies, Long[] communes) {
		jdbc.sql("""
				INSERT INTO agency (name, search_key, sector, unit_id, demo, created_at, updated_at)
				SELECT 'BM ' || s || ' ' || i, 'bm ' || lower(s) || ' ' || i, s,
				  (CAST(:units AS bigint[]))[1 + i % cardinality(CAST(:units AS bigint[]))], TRUE, now(), now()
				FROM generate_series(0, :n - 1) i,
				  LATERAL (SELECT CASE WHEN i < :busy
				    THEN (ARRAY['SOCIAL_WORK_CENTRE','HEALTH_FACILITY','POLICE','SCHOOL'])[1 + i % 4]
				    ELSE (ARRAY['SCHOOL','SCHOOL','HEALTH_FACILITY','POLICE','SOCIAL_WORK_CENTRE','SHELTER_OR_NGO',
				      'JUSTICE_AND_LEGAL_AID','HEALTH_FACILITY'])[1 + i % 8] END AS s) x
				ORDER BY i""").param("units", communes).param("n", agencies).param("busy", BUSY).update();
		return jdbc.sql("SELECT id FROM agency WHERE name LIKE 'BM %' ORDER BY id").query(Long.class).list();
	}

	/**
	 * One row per referral to come: case, child, agency, purpose and state (a referral of
	 * an open case is open, one in ten still a draft; of a closed case completed,
	 * declined or withdrawn).
	 */
	private void plan(Long[] agencies) {
		jdbc.sql(
				"""
						CREATE UNLOGGED TABLE bm_referral AS
						SELECT n, gen_random_uuid() AS id, p.id AS case_id, cc.child_id, p.unit_id, a.id AS agency_id,
						  a.unit_id AS agency_unit_id, a.sector, p.opened_at + interval '1 day' + k * interval '1 hour' AS created_at,
						  CASE a.sector WHEN 'SCHOOL' THEN 'EDUCATION_SUPPORT' WHEN 'HEALTH_FACILITY' THEN 'HEALTH_CARE'
						    WHEN 'POLICE' THEN 'INVESTIGATION' WHEN 'SOCIAL_WORK_CENTRE' THEN 'SOCIAL_WORK'
						    WHEN 'SHELTER_OR_NGO' THEN 'SHELTER_AND_CARE' ELSE 'LEGAL_AID' END AS purpose,
						  CASE WHEN p.closed_at IS NULL THEN
						    (ARRAY['DRAFT','DRAFT','SENT','SENT','SENT','SENT','SENT','SENT','ACCEPTED','ACCEPTED','ACCEPTED',
						      'ACCEPTED','ACCEPTED','ACCEPTED','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS',
						      'IN_PROGRESS','IN_PROGRESS'])[1 + (hashint4(n) & 2147483647) % 20]
						    WHEN (hashint4(n) & 2147483647) % 20 < 14 THEN 'COMPLETED' WHEN (hashint4(n) & 2147483647) % 20 < 17 THEN 'DECLINED'
						    ELSE 'WITHDRAWN' END AS state
						FROM protection_case p JOIN case_child cc ON cc.case_id = p.id CROSS JOIN generate_series(1, 2) k,
						  LATERAL (SELECT 2 * (substr(p.reference_code, 4)::int - 1) + k AS n) x
						  JOIN agency a ON a.id = (CAST(:agencies AS bigint[]))[1 + CASE WHEN n % 4 = 0 THEN (hashint4(n + 13) & 2147483647) % :busy
						    ELSE (hashint4(n + 7) & 2147483647) % cardinality(CAST(:agencies AS bigint[])) END]
						WHERE p.reference_code LIKE 'BM-%'""")
			.param("agencies", agencies)
			.param("busy", BUSY)
			.update();
	}

	/**
	 * The child's and a parent's consent, given orally, for each case, child and purpose.
	 */
	private void grounds(long author) {
		jdbc.sql("""
				INSERT INTO referral_consent (case_id, child_id, unit_id, purpose, child_age_on_day, recorded_by,
				  recorded_at)
				SELECT case_id, child_id, min(unit_id), purpose, 10, :by, min(created_at) - interval '1 hour'
				FROM bm_referral GROUP BY case_id, child_id, purpose""").param("by", author).update();
		jdbc.sql("""
				INSERT INTO consent_giver (consent_id, role, name, method, given_at, witness_name, witness_role)
				SELECT c.id, g.role, g.name, 'ORAL', c.recorded_at, 'Cán bộ xã (benchmark)', 'Cán bộ xã'
				FROM referral_consent c
				  CROSS JOIN (VALUES ('CHILD', 'Trẻ'), ('PARENT', 'Mẹ của trẻ')) AS g (role, name)
				WHERE NOT EXISTS (SELECT 1 FROM consent_giver x WHERE x.consent_id = c.id)""").update();
	}

	private void referrals(long author) {
		jdbc.sql(
				"""
						INSERT INTO referral (id, reference_code, case_id, child_id, unit_id, agency_id, agency_unit_id, sector,
						  purpose, state, sent_consent_id, created_by, created_at, sent_at, answered_at, answered_by,
						  decline_reason, completed_at, withdrawn_at, withdraw_reason, version, demo)
						SELECT b.id, 'CG-BM-' || lpad(b.n::text, 7, '0'), b.case_id, b.child_id, b.unit_id, b.agency_id,
						  b.agency_unit_id, b.sector, b.purpose, b.state, CASE WHEN b.state <> 'DRAFT' THEN c.id END, :by,
						  b.created_at, t.sent, t.answered, CASE WHEN t.answered IS NOT NULL THEN :by END,
						  CASE WHEN b.state = 'DECLINED' THEN 'Không đúng chức năng (benchmark)' END,
						  CASE WHEN b.state = 'COMPLETED' THEN t.answered + interval '7 days' END,
						  CASE WHEN b.state = 'WITHDRAWN' THEN t.sent + interval '2 days' END,
						  CASE WHEN b.state = 'WITHDRAWN' THEN 'Đã giải quyết tại xã (benchmark)' END, 3, TRUE
						FROM bm_referral b
						  JOIN referral_consent c ON c.case_id = b.case_id AND c.child_id = b.child_id AND c.purpose = b.purpose,
						  LATERAL (SELECT CASE WHEN b.state <> 'DRAFT' THEN b.created_at + interval '1 hour' END AS sent,
						    CASE WHEN b.state IN ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'DECLINED')
						      THEN b.created_at + interval '11 hours' END AS answered) t""")
			.param("by", author)
			.update();
		jdbc.sql(
				"""
						INSERT INTO referral_service (referral_id, service)
						SELECT b.id, s FROM bm_referral b, LATERAL unnest(CASE b.sector
						  WHEN 'SCHOOL' THEN ARRAY['SCHOOL_SUPPORT'] WHEN 'POLICE' THEN ARRAY['CRIME_INVESTIGATION']
						  WHEN 'HEALTH_FACILITY' THEN CASE WHEN b.n % 3 = 0
						    THEN ARRAY['MEDICAL_EXAMINATION_TREATMENT', 'FORENSIC_EXAMINATION']
						    ELSE ARRAY['MEDICAL_EXAMINATION_TREATMENT'] END
						  WHEN 'SOCIAL_WORK_CENTRE' THEN CASE WHEN b.n % 2 = 0
						    THEN ARRAY['SOCIAL_WORK_FOLLOW_UP', 'PSYCHOLOGICAL_COUNSELLING'] ELSE ARRAY['SOCIAL_WORK_FOLLOW_UP'] END
						  WHEN 'SHELTER_OR_NGO' THEN ARRAY['TEMPORARY_SHELTER'] ELSE ARRAY['LEGAL_ADVICE_AID'] END) s""")
			.update();
		jdbc.sql(
				"""
						INSERT INTO referral_content (referral_id, schema, data)
						SELECT b.id, 1, jsonb_build_object(
						  'CHILD_NAME', jsonb_build_object('text', 'Trần Thị Mô Phỏng ' || b.n, 'keys', '[]'::jsonb),
						  'CHILD_SEX', jsonb_build_object('text', NULL, 'keys', '["sex.FEMALE"]'::jsonb),
						  'CHILD_AGE', jsonb_build_object('text', '10', 'keys', '[]'::jsonb),
						  'CHILD_BIRTH_DATE', jsonb_build_object('text', '01/01/2016', 'keys', '[]'::jsonb),
						  'CHILD_ADDRESS', jsonb_build_object('text', 'Số ' || b.n || ', hẻm 12, khu vực 3', 'keys', '[]'::jsonb),
						  'CHILD_SCHOOL', jsonb_build_object('text', 'Trường Tiểu học Mô Phỏng', 'keys', '[]'::jsonb),
						  'CHILD_CLASS', jsonb_build_object('text', 'Lớp 4A', 'keys', '[]'::jsonb),
						  'CARER_CONTACT', jsonb_build_object('text', 'Mẹ của trẻ, 0901 234 567', 'keys', '[]'::jsonb),
						  'HARM_FORMS', jsonb_build_object('text', NULL, 'keys', '["harm.SEXUAL_MOLESTATION"]'::jsonb),
						  'HARM_SETTING', jsonb_build_object('text', NULL, 'keys', '["setting.SCHOOL"]'::jsonb),
						  'INCIDENT_TIME', jsonb_build_object('text', '12/03/2026 16:30', 'keys', '[]'::jsonb),
						  'ACCOUNT', jsonb_build_object('text', repeat('Lời kể mô phỏng của trẻ về sự việc. ', 12), 'keys', '[]'::jsonb),
						  'HEALTH_NEEDS', jsonb_build_object('text', 'Cần khám và theo dõi tâm lý', 'keys', '[]'::jsonb),
						  'SUPPORT_REQUESTED', jsonb_build_object('text', 'Hỗ trợ trẻ theo chức năng của cơ quan', 'keys', '[]'::jsonb),
						  'CASE_OFFICER_CONTACT', jsonb_build_object('text', 'Cán bộ xã, 0292 3 123 456', 'keys', '[]'::jsonb))
						FROM bm_referral b""")
			.update();
	}

	/**
	 * Clocks (met where answered or done; the running ones of open referrals due within
	 * ±10 hours or days of now, a third overdue, the escalation job caught up) and
	 * history.
	 */
	private void details() {
		jdbc.sql(
				"""
						INSERT INTO referral_deadline (referral_id, clock, started_at, due_at, met_at, escalation)
						SELECT r.id, 'RESPONSE', r.sent_at,
						  CASE WHEN r.state = 'SENT' THEN now() + ((hashtext(r.reference_code) & 2147483647) % 30 - 10) * interval '1 hour' ELSE r.sent_at + interval '12 hours' END,
						  COALESCE(r.answered_at, r.withdrawn_at), 'NONE'
						FROM referral r WHERE r.sent_at IS NOT NULL AND r.demo AND r.reference_code LIKE 'CG-BM-%'""")
			.update();
		jdbc.sql("""
				INSERT INTO referral_deadline (referral_id, clock, started_at, due_at, met_at, escalation)
				SELECT r.id, 'COMPLETION', r.answered_at,
				  CASE WHEN r.state = 'COMPLETED' THEN r.answered_at + interval '20 days'
				    ELSE now() + ((hashtext(r.reference_code) & 2147483647) % 30 - 10) * interval '1 day' END,
				  r.completed_at, 'NONE'
				FROM referral r WHERE r.state IN ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED')
				  AND r.reference_code LIKE 'CG-BM-%'""").update();
		jdbc.sql("""
				UPDATE referral_deadline SET escalation = CASE WHEN due_at < now() - interval '24 hours' THEN 'PROVINCE'
				  WHEN due_at < now() THEN 'OVERDUE' WHEN due_at < now() + interval '24 hours' THEN 'DUE_SOON'
				  ELSE 'NONE' END
				WHERE met_at IS NULL""").update();
		jdbc.sql("""
				UPDATE referral r SET next_due_at = d.due_at, next_due_clock = d.clock
				FROM referral_deadline d WHERE d.referral_id = r.id AND d.met_at IS NULL""").update();
		jdbc.sql("""
				INSERT INTO referral_event (referral_id, at, kind, actor_name, text)
				SELECT r.id, e.at, e.kind, 'Người dùng (benchmark)', e.text
				FROM referral r, LATERAL (VALUES (r.created_at, 'DRAFTED', NULL), (r.sent_at, 'SENT', NULL),
				  (r.answered_at, CASE WHEN r.state = 'DECLINED' THEN 'DECLINED' ELSE 'ACCEPTED' END, r.decline_reason),
				  (CASE WHEN r.state IN ('IN_PROGRESS', 'COMPLETED') THEN r.answered_at + interval '2 days' END,
				    'PROGRESS', 'Đã gặp trẻ và gia đình; tiếp tục theo dõi (benchmark)'),
				  (r.completed_at, 'COMPLETED', 'Đã hoàn thành hỗ trợ (benchmark)'),
				  (r.withdrawn_at, 'WITHDRAWN', r.withdraw_reason)) AS e (at, kind, text)
				WHERE e.at IS NOT NULL AND r.reference_code LIKE 'CG-BM-%'""").update();
	}

}
