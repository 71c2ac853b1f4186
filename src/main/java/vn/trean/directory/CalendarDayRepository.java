package vn.trean.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calendar's days and its revision in PostgreSQL. Every change moves the revision on
 * in the same transaction, which is how other instances learn that their cache is stale.
 */
@Repository
class CalendarDayRepository {

	private final JdbcClient jdbc;

	CalendarDayRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long revision() {
		return jdbc.sql("SELECT revision FROM calendar_revision").query(Long.class).single();
	}

	List<CalendarDay> all() {
		return jdbc.sql("SELECT * FROM calendar_day ORDER BY day").query(CalendarDayRepository::map).list();
	}

	List<CalendarDay> in(int year) {
		return jdbc.sql("SELECT * FROM calendar_day WHERE day >= :from AND day < :to ORDER BY day")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query(CalendarDayRepository::map)
			.list();
	}

	List<Integer> years() {
		return jdbc.sql("SELECT DISTINCT CAST(EXTRACT(YEAR FROM day) AS INT) AS y FROM calendar_day ORDER BY y")
			.query(Integer.class)
			.list();
	}

	Optional<CalendarDay> find(LocalDate day) {
		return jdbc.sql("SELECT * FROM calendar_day WHERE day = :day")
			.param("day", day)
			.query(CalendarDayRepository::map)
			.optional();
	}

	/**
	 * Inserts the day unless the date is already in the calendar; says whether it did.
	 */
	boolean insert(WorkingCalendar.DayDetails details, String actor, Instant now) {
		int rows = jdbc.sql("""
				INSERT INTO calendar_day (day, kind, name, changed_by, changed_at)
				VALUES (:day, :kind, :name, :actor, :now)
				ON CONFLICT (day) DO NOTHING""")
			.param("day", details.day())
			.param("kind", details.kind().name())
			.param("name", details.name())
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.update();
		if (rows > 0) {
			advanceRevision();
		}
		return rows > 0;
	}

	/** Replaces the day, possibly moving it to another date; says whether it did. */
	boolean update(LocalDate day, WorkingCalendar.DayDetails details, String actor, Instant now) {
		int rows = jdbc.sql("""
				UPDATE calendar_day SET day = :newDay, kind = :kind, name = :name, changed_by = :actor,
				  changed_at = :now
				WHERE day = :day
				  AND (:newDay = :day OR NOT EXISTS (SELECT 1 FROM calendar_day WHERE day = :newDay))""")
			.param("day", day)
			.param("newDay", details.day())
			.param("kind", details.kind().name())
			.param("name", details.name())
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.update();
		if (rows > 0) {
			advanceRevision();
		}
		return rows > 0;
	}

	boolean delete(LocalDate day) {
		int rows = jdbc.sql("DELETE FROM calendar_day WHERE day = :day").param("day", day).update();
		if (rows > 0) {
			advanceRevision();
		}
		return rows > 0;
	}

	private void advanceRevision() {
		jdbc.sql("UPDATE calendar_revision SET revision = nextval('calendar_revision_seq')").update();
	}

	static CalendarDay map(ResultSet rs, int row) throws SQLException {
		return new CalendarDay(rs.getObject("day", LocalDate.class),
				WorkingCalendar.DayKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("changed_by"),
				rs.getTimestamp("changed_at").toInstant());
	}

}
