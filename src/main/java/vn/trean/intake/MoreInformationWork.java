package vn.trean.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import vn.trean.identity.ResourceScope;
import vn.trean.identity.WorkItem;
import vn.trean.identity.WorkSource;

/**
 * The requests for more information in the work queue: for the receiving point that may
 * answer one ({@link MoreInformationPolicy}), each report sent back to it; for the
 * officer who asked, each answer until they open the report. Only within what the user's
 * roles reach today. An item has no deadline of its own: the report's clocks are carried
 * by its own items (the case's, or the report's while it is in no case).
 */
@Component
class MoreInformationWork implements WorkSource {

	private static final int COUNTED = 1000;

	private static final String ITEM = """
			SELECT r.id, r.reference_code, q.asked_at, q.answered_at,
			  CASE WHEN r.routed_unit_id = ANY(:readable) OR r.received_by = :me THEN
			    (SELECT string_agg(c.full_name, ', ' ORDER BY c.position) FROM report_child c
			     WHERE c.report_id = r.id) END AS children
			FROM report_information_request q JOIN report r ON r.id = q.report_id
			""";

	private final JdbcClient jdbc;

	private final Authorization authorization;

	MoreInformationWork(JdbcClient jdbc, Authorization authorization) {
		this.jdbc = jdbc;
		this.authorization = authorization;
	}

	/**
	 * The items waiting for the actor, at most {@code limit} of them, most urgent first.
	 */
	private List<WorkItem> items(Actor actor, int limit) {
		CurrentUser user = actor.signedIn();
		Long[] readable = ids(authorization.unitsInReach(user, Action.VIEW_CHILD_RECORDS));
		List<WorkItem> items = new ArrayList<>();
		if (authorization.decide(user, Action.RECORD_REPORT, ResourceScope.at(user.jurisdiction())).allowed()) {
			items.addAll(sentBack(user, readable, limit));
		}
		Set<UnitId> managed = authorization.unitsInReach(user, Action.MANAGE_CASES);
		if (!managed.isEmpty()) {
			items.addAll(supplied(user, readable, ids(managed), limit));
		}
		items.sort(Comparator.comparing(WorkItem::since));
		return items.subList(0, Math.min(limit, items.size()));
	}

	/** The items shown and the counts, from one reading of the rows. */
	@Override
	@Transactional(readOnly = true)
	public WorkSource.Waiting waiting(Actor actor, int shown) {
		return WorkSource.of(items(actor, COUNTED), shown);
	}

	/**
	 * Open requests on reports this receiving point recorded (or its agency received).
	 */
	private List<WorkItem> sentBack(CurrentUser user, Long[] readable, int limit) {
		return jdbc
			.sql(ITEM
					+ """
							WHERE q.answered_at IS NULL AND r.receiving_agency_id IS NOT DISTINCT FROM :agency
							  AND (r.received_by = :me OR (CAST(:agency AS BIGINT) IS NOT NULL AND r.routed_unit_id = ANY(:readable)))
							ORDER BY q.asked_at, q.id LIMIT :limit""")
			.param("readable", readable)
			.param("me", user.id())
			.param("agency", user.agency() == null ? null : user.agency().value(), java.sql.Types.BIGINT)
			.param("limit", limit)
			.query((rs, n) -> item("work.step.more-information", rs, rs.getTimestamp("asked_at")))
			.list();
	}

	/** Answers to this officer's requests they have not read yet. */
	private List<WorkItem> supplied(CurrentUser user, Long[] readable, Long[] managed, int limit) {
		return jdbc.sql(ITEM + """
				WHERE q.asked_by = :me AND q.answered_at IS NOT NULL AND q.answer_seen_at IS NULL
				  AND r.routed_unit_id = ANY(:managed)
				ORDER BY q.answered_at, q.id LIMIT :limit""")
			.param("readable", readable)
			.param("managed", managed)
			.param("me", user.id())
			.param("limit", limit)
			.query((rs, n) -> item("work.step.information-supplied", rs, rs.getTimestamp("answered_at")))
			.list();
	}

	private static WorkItem item(String step, ResultSet rs, Timestamp since) throws SQLException {
		return new WorkItem(step, rs.getString("reference_code"), rs.getString("children"), since.toInstant(), null,
				"/intake/reports/" + rs.getObject("id", UUID.class) + "#more-information");
	}

	private static Long[] ids(Set<UnitId> units) {
		return units.stream().map(UnitId::value).toArray(Long[]::new);
	}

}
