package vn.trean.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who was told of which report, and whether they have read it since, in PostgreSQL
 * ({@code report_notification}).
 */
@Repository
class ReportNotificationStore {

	private final JdbcClient jdbc;

	ReportNotificationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Notifies the users of the report, in one statement. */
	void notify(Collection<Long> userIds, ReportId report, Instant at) {
		if (userIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO report_notification (user_id, report_id, created_at)
				SELECT u, :report, :at FROM unnest(:users) AS u
				ON CONFLICT (user_id, report_id) DO NOTHING""")
			.param("users", userIds.toArray(Long[]::new))
			.param("report", report.value())
			.param("at", Timestamp.from(at))
			.update();
	}

	Set<UUID> unread(long userId) {
		return Set
			.copyOf(jdbc.sql("SELECT report_id FROM report_notification WHERE user_id = :user AND read_at IS NULL")
				.param("user", userId)
				.query(UUID.class)
				.list());
	}

	void markRead(long userId, ReportId report, Instant at) {
		jdbc.sql("UPDATE report_notification SET read_at = :at WHERE user_id = :user AND report_id = :report "
				+ "AND read_at IS NULL")
			.param("at", Timestamp.from(at))
			.param("user", userId)
			.param("report", report.value())
			.update();
	}

}
