package vn.trean.referrals;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.WorkItem;
import vn.trean.identity.WorkSource;

/**
 * The referrals' share of the work queue: for an agency's focal point, the referrals of
 * the agency to answer, to forward (a crime report) or to report on, the nearest clock
 * first; for the sending commune, the declined referrals not yet re-sent and the drafts
 * its user started. Codes only: a child is named on the referral's page, through its
 * share.
 */
@Component
class ReferralWork implements WorkSource {

	private static final int COUNTED = 1000;

	private final JdbcClient jdbc;

	private final Authorization authorization;

	ReferralWork(JdbcClient jdbc, Authorization authorization) {
		this.jdbc = jdbc;
		this.authorization = authorization;
	}

	@Override
	@Transactional(readOnly = true)
	public Waiting waiting(Actor actor, int shown) {
		CurrentUser user = actor.signedIn();
		List<WorkItem> items = new ArrayList<>();
		if (user.agency() != null && authorization.permitsSomewhere(user, Action.ANSWER_REFERRALS)) {
			items.addAll(forAgency(user));
		}
		Set<UnitId> sending = authorization.unitsInReach(user, Action.HANDLE_REFERRALS);
		if (!sending.isEmpty()) {
			items.addAll(forSender(user, sending));
		}
		items.sort(Comparator.comparing(WorkItem::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(WorkItem::since));
		return WorkSource.of(items, shown);
	}

	private List<WorkItem> forAgency(CurrentUser user) {
		return jdbc.sql("""
				SELECT id, reference_code, state, next_due_clock, sent_at, next_due_at FROM referral
				WHERE agency_id = :agency AND state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')
				ORDER BY next_due_at NULLS LAST, id LIMIT :limit""")
			.param("agency", user.agency().value())
			.param("limit", COUNTED)
			.query((rs, n) -> {
				String step = "SENT".equals(rs.getString("state")) ? "answer"
						: "FORWARDING".equals(rs.getString("next_due_clock")) ? "forwarding" : "outcome";
				Timestamp due = rs.getTimestamp("next_due_at");
				return new WorkItem("work.step.referral-" + step, rs.getString("reference_code"), null,
						rs.getTimestamp("sent_at").toInstant(), due == null ? null : due.toInstant(),
						"/referrals/" + rs.getObject("id", UUID.class));
			})
			.list();
	}

	private List<WorkItem> forSender(CurrentUser user, Set<UnitId> units) {
		return jdbc.sql("""
				SELECT r.id, r.reference_code, r.state, COALESCE(r.answered_at, r.created_at) AS since FROM referral r
				WHERE r.unit_id = ANY(:units) AND (
				  (r.state = 'DECLINED' AND NOT EXISTS (SELECT 1 FROM referral n WHERE n.resent_from = r.id))
				  OR (r.state = 'DRAFT' AND r.created_by = :user))
				ORDER BY since, r.id LIMIT :limit""")
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.param("user", user.id())
			.param("limit", COUNTED)
			.query((rs, n) -> new WorkItem(
					"DRAFT".equals(rs.getString("state")) ? "work.step.referral-draft" : "work.step.referral-resend",
					rs.getString("reference_code"), null, rs.getTimestamp("since").toInstant(), null,
					"/referrals/" + rs.getObject("id", UUID.class)))
			.list();
	}

}
