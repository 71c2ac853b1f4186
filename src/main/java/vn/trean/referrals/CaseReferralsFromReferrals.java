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

	CaseReferralsFromReferrals(JdbcClient jdbc, Authorization authorization) {
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
		Long unit = jdbc.sql("SELECT unit_id FROM protection_case WHERE id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single();
		boolean mayRead = authorization
			.decide(viewer, Action.VIEW_CASES, ResourceScope.at(new vn.trean.geography.UnitId(unit)))
			.allowed();
		return mayRead ? lines : List.of();
	}

}
