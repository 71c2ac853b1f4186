package vn.trean.referrals;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseReferrals;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;

/**
 * Tells the cases module of a case's referrals: those still open for the closing guard,
 * and the case page's section for a viewer who may read the case (envelopes only: code,
 * agency, state, services, when sent).
 */
@Component
@Transactional(readOnly = true)
class CaseReferralsFromReferrals implements CaseReferrals {

	private final JdbcClient jdbc;

	private final Authorization authorization;

	private final java.time.Clock clock;

	CaseReferralsFromReferrals(JdbcClient jdbc, Authorization authorization, java.time.Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.authorization = authorization;
	}

	@Override
	public List<OpenReferral> openOn(CaseId id) {
		return jdbc.sql("""
				SELECT r.reference_code, a.name, r.state FROM referral r JOIN agency a ON a.id = r.agency_id
				WHERE r.case_id = :id AND r.state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS') ORDER BY r.sent_at, r.id""")
			.param("id", id.value())
			.query((rs, n) -> new OpenReferral(rs.getString(1), rs.getString(2), "referral.state." + rs.getString(3)))
			.list();
	}

	@Override
	public List<OverdueReferral> overdueIn(java.util.Set<vn.trean.geography.UnitId> units, int limit) {
		if (units.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT r.id, r.reference_code, c.reference_code AS case_code, a.name, d.clock, d.due_at, d.escalation,
				  r.unit_id
				FROM referral_deadline d JOIN referral r ON r.id = d.referral_id
				JOIN protection_case c ON c.id = r.case_id JOIN agency a ON a.id = r.agency_id
				WHERE d.met_at IS NULL AND d.due_at < :now AND r.state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')
				  AND r.unit_id = ANY(:units)
				ORDER BY d.due_at, d.id LIMIT :limit""")
			.param("now", Timestamp.from(clock.instant()))
			.param("units", units.stream().map(vn.trean.geography.UnitId::value).toArray(Long[]::new))
			.param("limit", limit)
			.query((rs, n) -> new OverdueReferral("/referrals/" + rs.getObject("id", UUID.class),
					rs.getString("reference_code"), rs.getString("case_code"), rs.getString("name"),
					"referral.clock." + rs.getString("clock"), rs.getTimestamp("due_at").toInstant(),
					"referral.escalation." + rs.getString("escalation"),
					new vn.trean.geography.UnitId(rs.getLong("unit_id"))))
			.list();
	}

	@Override
	public List<ReferralLine> listedOn(CurrentUser viewer, CaseId id) {
		List<ReferralLine> lines = jdbc
			.sql("""
					SELECT r.id, r.reference_code, a.name, r.state, r.sent_at, r.unit_id,
					  ARRAY(SELECT s.service FROM referral_service s WHERE s.referral_id = r.id ORDER BY s.service) AS services
					FROM referral r JOIN agency a ON a.id = r.agency_id
					WHERE r.case_id = :id ORDER BY r.created_at, r.id""")
			.param("id", id.value())
			.query((rs, n) -> {
				Timestamp sent = rs.getTimestamp("sent_at");
				return new ReferralLine("/referrals/" + rs.getObject("id", UUID.class), rs.getString("reference_code"),
						rs.getString("name"), "referral.state." + rs.getString("state"),
						sent == null ? null : sent.toInstant(),
						Arrays.stream((String[]) rs.getArray("services").getArray())
							.map(s -> "referral.service." + s)
							.toList());
			})
			.list();
		if (lines.isEmpty()) {
			return lines;
		}
		// a case's referrals are of its commune (they follow it when it is transferred)
		Long unit = jdbc.sql("SELECT unit_id FROM referral WHERE case_id = :id LIMIT 1")
			.param("id", id.value())
			.query(Long.class)
			.single();
		boolean mayRead = authorization
			.decide(viewer, Action.VIEW_CASES, ResourceScope.at(new vn.trean.geography.UnitId(unit)))
			.allowed();
		return mayRead ? lines : List.of();
	}

}
