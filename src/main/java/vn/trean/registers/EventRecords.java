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
import vn.trean.registers.EventPolicy.NewEvent;

/** The communication events' rows, with the household codes each identified. */
@Repository
class EventRecords {

	static final String TABLE = "communication_event";

	private static final String EVENT = """
			SELECT e.*, (SELECT count(*) FROM communication_event_household h WHERE h.event_id = e.id) AS households
			FROM communication_event e
			""";

	private final JdbcClient jdbc;

	private final RegisterRows rows;

	EventRecords(JdbcClient jdbc, RegisterRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	List<CommunicationEvent> events(Set<UnitId> units, long offset, int limit) {
		return rows.page(EVENT + " WHERE e.unit_id = ANY(:units) ORDER BY e.held_on DESC, e.id DESC", units, offset,
				limit, EventRecords::event);
	}

	Optional<CommunicationEvent> event(EventId id) {
		return jdbc.sql(EVENT + " WHERE e.id = :id").param("id", id.value()).query(EventRecords::event).optional();
	}

	/** The household codes an event identified, in the order of their codes. */
	List<String> households(EventId id) {
		return jdbc
			.sql("SELECT household_code FROM communication_event_household WHERE event_id = :e ORDER BY household_code")
			.param("e", id.value())
			.query(String.class)
			.list();
	}

	/**
	 * Stores an event's changed entry, its households replaced, unless someone else
	 * changed it since {@code version}.
	 */
	boolean update(EventId id, int version, NewEvent e) {
		int changed = jdbc.sql("""
				UPDATE communication_event SET unit_id = :unit, held_on = :heldOn, type = :type, channel = :channel,
				  audience = :audience, reach = :reach, materials = :materials, version = version + 1
				WHERE id = :id AND version = :version""")
			.params(columns(e))
			.param("id", id.value())
			.param("version", version)
			.update();
		if (changed != 1) {
			return false;
		}
		jdbc.sql("DELETE FROM communication_event_household WHERE event_id = :e").param("e", id.value()).update();
		insertHouseholds(id.value(), e.households());
		return true;
	}

	/** Deletes an event with the households it identified. */
	boolean delete(EventId id, int version) {
		return rows.delete(TABLE, id.value(), version);
	}

	long insert(NewEvent e, String by, Instant now) {
		long id = jdbc.sql("""
				INSERT INTO communication_event (unit_id, held_on, type, channel, audience, reach, materials,
				  entered_by, entered_at)
				VALUES (:unit, :heldOn, :type, :channel, :audience, :reach, :materials, :by, :now) RETURNING id""")
			.params(columns(e))
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		insertHouseholds(id, e.households());
		return id;
	}

	private static java.util.Map<String, Object> columns(NewEvent e) {
		java.util.Map<String, Object> columns = new java.util.HashMap<>();
		columns.put("unit", e.unit().value());
		columns.put("heldOn", RegisterRows.sqlDate(e.heldOn()));
		columns.put("type", e.type());
		columns.put("channel", e.channel());
		columns.put("audience", e.audience());
		columns.put("reach", e.reach());
		columns.put("materials", e.materials());
		return columns;
	}

	private void insertHouseholds(long id, List<String> households) {
		for (String code : households) {
			jdbc.sql("INSERT INTO communication_event_household (event_id, household_code) VALUES (:e, :c)")
				.param("e", id)
				.param("c", code)
				.update();
		}
	}

	private static CommunicationEvent event(ResultSet rs, int n) throws SQLException {
		return new CommunicationEvent(rs.getLong("id"), new UnitId(rs.getLong("unit_id")),
				RegisterRows.day(rs, "held_on"), rs.getString("type"), rs.getString("channel"),
				rs.getString("audience"), rs.getInt("reach"), rs.getString("materials"), rs.getInt("households"),
				rs.getInt("version"));
	}

}
