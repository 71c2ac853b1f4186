package vn.trean.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.WorkItem;
import vn.trean.identity.WorkSource;

/**
 * The reports' share of the work queue: for an officer, the reports of their communes no
 * one has taken up and no case holds (a public-form report to verify first); for a
 * provincial manager, the reports routed to the province that it must transfer. Only
 * within the units where the user may read reports, so the child is named.
 */
@Component
class ReportWork implements WorkSource {

	private static final int COUNTED = 1000;

	private final JdbcClient jdbc;

	private final Authorization authorization;

	ReportWork(JdbcClient jdbc, Authorization authorization) {
		this.jdbc = jdbc;
		this.authorization = authorization;
	}

	/**
	 * The items waiting for the actor, at most {@code limit} of them, most urgent first.
	 */
	private List<WorkItem> items(Actor actor, int limit) {
		CurrentUser user = actor.signedIn();
		Set<UnitId> readable = authorization.unitsInReach(user, Action.VIEW_CHILD_RECORDS);
		List<WorkItem> items = new ArrayList<>();
		if (!readable.isEmpty() && authorization.permitsSomewhere(user, Action.MANAGE_CASES)) {
			items.addAll(reports(readable, false, 0, limit));
		}
		if (!readable.isEmpty() && user.has(Role.PROVINCIAL_MANAGER)) {
			items.addAll(reports(readable, true, user.jurisdiction().value(), limit));
		}
		items.sort(Comparator.comparing(WorkItem::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(WorkItem::since));
		return items.subList(0, Math.min(limit, items.size()));
	}

	/** The items shown and the counts, from one reading of the rows. */
	@Override
	@Transactional(readOnly = true)
	public WorkSource.Waiting waiting(Actor actor, int shown) {
		return WorkSource.of(items(actor, COUNTED), shown);
	}

	/**
	 * Reports not taken up in these units: routed to the province to transfer elsewhere,
	 * or to take up (or verify first).
	 */
	private List<WorkItem> reports(Set<UnitId> units, boolean toTransfer, long province, int limit) {
		return jdbc.sql("""
				SELECT r.id, r.reference_code, r.received_at, r.emergency_decision_due, r.status,
				  (SELECT string_agg(c.full_name, ', ' ORDER BY c.position) FROM report_child c
				    WHERE c.report_id = r.id) AS children
				FROM report r
				WHERE r.routed_unit_id = ANY(:units) AND r.transfer_out = :transfer AND NOT r.in_case
				  AND (NOT :transfer OR r.routed_unit_id = :province)
				  AND r.status IN ('RECEIVED', 'AWAITING_VERIFICATION') AND r.contact_type = 'HARM'
				ORDER BY r.emergency_decision_due NULLS LAST, r.received_at, r.id LIMIT :limit""")
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.param("transfer", toTransfer)
			.param("province", province)
			.param("limit", limit)
			.query((rs, n) -> {
				Timestamp due = rs.getTimestamp("emergency_decision_due");
				return item(toTransfer, rs.getString("status"), rs.getObject("id", UUID.class),
						rs.getString("reference_code"), rs.getString("children"),
						rs.getTimestamp("received_at").toInstant(), due == null ? null : due.toInstant());
			})
			.list();
	}

	private static WorkItem item(boolean toTransfer, String status, UUID id, String reference,
			@Nullable String children, Instant since, @Nullable Instant due) {
		String step = toTransfer ? "work.step.report-transfer"
				: ReportStatus.AWAITING_VERIFICATION.name().equals(status) ? "work.step.report-verification"
						: "work.step.report-take-up";
		return new WorkItem(step, reference, children, since, due, "/intake/reports/" + id);
	}

}
