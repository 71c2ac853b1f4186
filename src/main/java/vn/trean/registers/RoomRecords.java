package vn.trean.registers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.registers.RoomPolicy.NewRoom;

/** The interview rooms' rows. */
@Repository
class RoomRecords {

	static final String TABLE = "interview_room";

	private final JdbcClient jdbc;

	private final RegisterRows rows;

	RoomRecords(JdbcClient jdbc, RegisterRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	List<InterviewRoom> rooms(Set<UnitId> units, long offset, int limit) {
		return rows.page(
				"SELECT * FROM interview_room WHERE unit_id = ANY(:units) ORDER BY established_on DESC, id DESC", units,
				offset, limit, RoomRecords::room);
	}

	Optional<InterviewRoom> room(RoomId id) {
		return jdbc.sql("SELECT * FROM interview_room WHERE id = :id")
			.param("id", id.value())
			.query(RoomRecords::room)
			.optional();
	}

	/**
	 * Stores a room's changed entry unless someone else changed it since {@code version}.
	 */
	boolean update(RoomId id, int version, NewRoom r) {
		return jdbc.sql("""
				UPDATE interview_room SET unit_id = :unit, name = :name, established_on = :on,
				  child_friendly = :friendly, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("unit", r.unit().value())
			.param("name", r.name())
			.param("on", RegisterRows.sqlDate(r.establishedOn()))
			.param("friendly", r.childFriendly())
			.param("id", id.value())
			.param("version", version)
			.update() == 1;
	}

	boolean delete(RoomId id, int version) {
		return rows.delete(TABLE, id.value(), version);
	}

	long insert(NewRoom r, String by, Instant now) {
		return jdbc.sql("""
				INSERT INTO interview_room (unit_id, name, established_on, child_friendly, entered_by, entered_at)
				VALUES (:unit, :name, :on, :friendly, :by, :now) RETURNING id""")
			.param("unit", r.unit().value())
			.param("name", r.name())
			.param("on", RegisterRows.sqlDate(r.establishedOn()))
			.param("friendly", r.childFriendly())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	private static InterviewRoom room(ResultSet rs, int n) throws SQLException {
		return new InterviewRoom(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), rs.getString("name"),
				RegisterRows.day(rs, "established_on"), rs.getBoolean("child_friendly"), rs.getInt("version"));
	}

}
