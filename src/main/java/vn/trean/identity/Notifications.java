package vn.trean.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification list of each user: what a module tells them (a clock escalated, a
 * decision waiting), until they open it or the page it links to. A notification carries
 * message keys, a record code and a link, never a name: it grants nothing, the page it
 * links to checks access.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * What to tell: its kind and step (message keys), the record's code, the page that
	 * acts on it, and a key naming the event, so the same event told twice is kept once
	 * per user.
	 */
	public record Draft(String kindKey, String stepKey, String reference, String link, String eventKey) {
	}

	/** One notification as its list shows it. */
	public record Notification(long id, String kindKey, String stepKey, String reference, String link,
			Instant createdAt, @Nullable Instant readAt) {

		public boolean unread() {
			return readAt == null;
		}

	}

	/** Tells each of the users, in the caller's transaction. */
	@Transactional
	public void send(Collection<Long> users, Draft draft) {
		Timestamp now = Timestamp.from(clock.instant());
		for (long user : users) {
			jdbc.sql("""
					INSERT INTO notification (user_id, kind_key, step_key, reference, link, event_key, created_at)
					VALUES (:user, :kind, :step, :reference, :link, :event, :now) ON CONFLICT DO NOTHING""")
				.param("user", user)
				.param("kind", draft.kindKey())
				.param("step", draft.stepKey())
				.param("reference", draft.reference())
				.param("link", draft.link())
				.param("event", draft.eventKey())
				.param("now", now)
				.update();
		}
	}

	/** How many the user has not opened (one indexed count, for the page header). */
	@Transactional(readOnly = true)
	public int unread(long user) {
		return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND read_at IS NULL")
			.param("user", user)
			.query(Integer.class)
			.single();
	}

	/** The user's latest notifications, unread ones first. */
	@Transactional(readOnly = true)
	public List<Notification> latest(long user, int limit) {
		return jdbc.sql("""
				SELECT id, kind_key, step_key, reference, link, created_at, read_at FROM notification
				WHERE user_id = :user ORDER BY read_at IS NOT NULL, created_at DESC, id DESC LIMIT :limit""")
			.param("user", user)
			.param("limit", limit)
			.query((rs, n) -> {
				Timestamp read = rs.getTimestamp("read_at");
				return new Notification(rs.getLong("id"), rs.getString("kind_key"), rs.getString("step_key"),
						rs.getString("reference"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
						read == null ? null : read.toInstant());
			})
			.list();
	}

	/**
	 * Marks one of the user's notifications read and gives the page it links to; empty
	 * when the user has none of that id (another user's is none of theirs).
	 */
	@Transactional
	public Optional<String> open(long user, long id) {
		Optional<String> link = jdbc.sql("SELECT link FROM notification WHERE id = :id AND user_id = :user")
			.param("id", id)
			.param("user", user)
			.query(String.class)
			.optional();
		link.ifPresent(l -> jdbc.sql("UPDATE notification SET read_at = :now WHERE id = :id AND read_at IS NULL")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update());
		return link;
	}

	/** Marks every notification of the user read. */
	@Transactional
	public void markAllRead(long user) {
		jdbc.sql("UPDATE notification SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", user)
			.update();
	}

	/**
	 * The user opened a page: their unread notifications linking to it, or to a page
	 * under it (its forms), are read.
	 */
	@Transactional
	public void markReadLinkedTo(long user, String page) {
		jdbc.sql("""
				UPDATE notification SET read_at = :now WHERE user_id = :user AND read_at IS NULL
				  AND (link = :page OR link LIKE :under)""")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", user)
			.param("page", page)
			.param("under", vn.trean.shared.ListConditions.escaped(page) + "/%")
			.update();
	}

}
