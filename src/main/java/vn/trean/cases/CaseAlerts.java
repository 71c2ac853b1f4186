package vn.trean.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Notifications;

/**
 * The deadline alerts a user has in the application, until they open the case (which also
 * reads their notifications about it). An alert addressed to a user grants nothing: only
 * those of cases their roles let them see now are shown.
 */
@Component
class CaseAlerts {

	private final JdbcClient jdbc;

	private final Authorization authorization;

	private final Clock clock;

	private final Notifications notifications;

	CaseAlerts(JdbcClient jdbc, Authorization authorization, Clock clock, Notifications notifications) {
		this.jdbc = jdbc;
		this.authorization = authorization;
		this.clock = clock;
		this.notifications = notifications;
	}

	/** One alert: which case, which step, which level, when. */
	record Alert(CaseId caseId, String referenceCode, DeadlineStep step, Escalation level, Instant dueAt,
			Instant createdAt) {

		/**
		 * The page that acts on the step: the same as the notification's and the
		 * e-mail's.
		 */
		public String link() {
			return CaseLinks.of(caseId, step);
		}

	}

	@Transactional(readOnly = true)
	List<Alert> unread(CurrentUser user) {
		Set<UnitId> units = authorization.unitsInReach(user, Action.VIEW_CASES);
		if (units.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT a.case_id, p.reference_code, d.step, a.level, d.due_at, a.created_at
				FROM case_alert a JOIN case_deadline d ON d.id = a.deadline_id
				JOIN protection_case p ON p.id = a.case_id
				WHERE a.user_id = :user AND a.read_at IS NULL
				  AND (p.unit_id = ANY(:units) OR p.transfer_to_unit_id = ANY(:units))
				ORDER BY a.created_at DESC LIMIT 100""")
			.param("user", user.id())
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.query((rs, n) -> new Alert(new CaseId(rs.getObject("case_id", UUID.class)), rs.getString("reference_code"),
					DeadlineStep.valueOf(rs.getString("step")), Escalation.valueOf(rs.getString("level")),
					rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	@Transactional
	void markRead(CurrentUser user, CaseId id) {
		jdbc.sql("UPDATE case_alert SET read_at = :now WHERE user_id = :user AND case_id = :id AND read_at IS NULL")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", user.id())
			.param("id", id.value())
			.update();
		notifications.markReadLinkedTo(user.id(), CaseLinks.of(id));
	}

}
