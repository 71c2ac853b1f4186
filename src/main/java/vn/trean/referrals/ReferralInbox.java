package vn.trean.referrals;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Page;

/**
 * An agency's referrals for its focal points: the open ones first, the nearest clock
 * first, then the rest, the latest sent first. Envelopes only (no child's data), so a
 * list discloses nothing; the share is read on the referral's page.
 */
@Service
@Transactional(readOnly = true)
public class ReferralInbox {

	/** Rows per page. */
	static final int PAGE_SIZE = 50;

	/** One referral of the inbox. */
	public record Row(ReferralId id, String code, Referral.Status status, Set<ReferralService> services,
			String sendingUnit, @Nullable Instant sentAt, @Nullable Instant nextDueAt, @Nullable String nextDueClock,
			boolean overdue) {
	}

	/**
	 * A page of the inbox: the open referrals by the index on their next clock, the rest
	 * by the index on their sending, each read only up to the page's end, rather than
	 * sorting every referral the agency ever received (a busy agency has thousands).
	 * Closed referrals have no running clock, so the order is the one the list promises.
	 */
	private static final String PAGE = """
			SELECT r.id, r.reference_code, r.state, r.sent_at, r.next_due_at, r.next_due_clock, u.full_name,
			  ARRAY(SELECT s.service FROM referral_service s WHERE s.referral_id = r.id ORDER BY s.service) AS services
			FROM (
			  (SELECT r.*, 0 AS part FROM referral r
			    WHERE r.agency_id = :agency AND r.state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')
			    ORDER BY r.next_due_at NULLS LAST, r.sent_at DESC, r.id LIMIT :upTo)
			  UNION ALL
			  (SELECT r.*, 1 AS part FROM referral r
			    WHERE r.agency_id = :agency AND r.state <> 'DRAFT' AND r.state NOT IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')
			    ORDER BY r.sent_at DESC, r.id LIMIT :upTo)) r
			JOIN administrative_unit u ON u.id = r.unit_id
			ORDER BY r.part, r.next_due_at NULLS LAST, r.sent_at DESC, r.id
			LIMIT :limit OFFSET :offset""";

	private final JdbcClient jdbc;

	private final Authorization authorization;

	private final java.time.Clock clock;

	ReferralInbox(JdbcClient jdbc, Authorization authorization, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.authorization = authorization;
		this.clock = clock;
	}

	public Page<Row> of(Actor actor, int page) {
		CurrentUser user = actor.signedIn();
		authorization.requireSomewhere(user, Action.ANSWER_REFERRALS);
		if (user.agency() == null) {
			throw new AccessRefused(Action.ANSWER_REFERRALS, "access.refused.agency");
		}
		return of(user.agency(), page);
	}

	/** The agency's referrals in the inbox's order (the API's list, for its system). */
	Page<Row> of(AgencyId agency, int page) {
		Instant now = clock.instant();
		return Page.of(jdbc.sql(PAGE)
			.param("agency", agency.value())
			.param("limit", Page.fetchSize(PAGE_SIZE))
			.param("offset", Page.offset(page, PAGE_SIZE))
			.param("upTo", Page.offset(page, PAGE_SIZE) + Page.fetchSize(PAGE_SIZE))
			.query((rs, n) -> {
				Instant due = rs.getTimestamp("next_due_at") == null ? null
						: rs.getTimestamp("next_due_at").toInstant();
				EnumSet<ReferralService> services = EnumSet.noneOf(ReferralService.class);
				Arrays.stream((String[]) rs.getArray("services").getArray())
					.forEach(s -> services.add(ReferralService.valueOf(s)));
				return new Row(new ReferralId(rs.getObject("id", UUID.class)), rs.getString("reference_code"),
						Referral.Status.valueOf(rs.getString("state")), services, rs.getString("full_name"),
						rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), due,
						rs.getString("next_due_clock"), due != null && due.isBefore(now));
			})
			.list(), page, PAGE_SIZE);
	}

}
