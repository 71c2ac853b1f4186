package vn.trean.registers;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.UnitId;

/**
 * What another module may look up in the registers about a record it names: an interview
 * room (its unit, whether it is child-friendly and since when it exists) and a roster
 * member (unit, role, the days active, when first trained in child-friendly
 * investigation). "Trained" is read from the roster's participations, as the counts read
 * it. The caller decides who may see them.
 */
@Component
@Transactional(readOnly = true)
public class RegisterLookups {

	/** A registered interview room. */
	public record Room(long id, UnitId unit, String name, LocalDate establishedOn, boolean childFriendly) {

		/** Registered by the day, and child-friendly. */
		public boolean childFriendlyOn(LocalDate day) {
			return childFriendly && !establishedOn.isAfter(day);
		}

	}

	/** A person on the workforce roster. */
	public record Member(long id, UnitId unit, String fullName, WorkforceRole role, LocalDate activeFrom,
			@Nullable LocalDate activeTo, @Nullable LocalDate investigationTrainingOn) {

		public boolean activeOn(LocalDate day) {
			return !activeFrom.isAfter(day) && (activeTo == null || !activeTo.isBefore(day));
		}

		/**
		 * Trained in child-friendly investigation by a training held on or before the
		 * day.
		 */
		public boolean trainedBy(LocalDate day) {
			return investigationTrainingOn != null && !investigationTrainingOn.isAfter(day);
		}

	}

	private static final String MEMBER = """
			SELECT m.id, m.unit_id, m.full_name, m.role, m.active_from, m.active_to,
			  (SELECT min(t.held_on) FROM training_participant p JOIN training t ON t.id = p.training_id
			   WHERE p.workforce_member_id = m.id AND t.kind = 'CHILD_FRIENDLY_INVESTIGATION') AS trained_on
			FROM workforce_member m""";

	private final JdbcClient jdbc;

	RegisterLookups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Room> room(long id) {
		return jdbc.sql("SELECT id, unit_id, name, established_on, child_friendly FROM interview_room WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Room(rs.getLong(1), new UnitId(rs.getLong(2)), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getBoolean(5)))
			.optional();
	}

	/** The rooms registered in the units, by name. */
	public List<Room> rooms(Set<UnitId> units) {
		return jdbc.sql("""
				SELECT id, unit_id, name, established_on, child_friendly FROM interview_room
				WHERE unit_id = ANY(:units) ORDER BY name COLLATE vietnamese, id""")
			.param("units", RegisterRows.ids(units))
			.query((rs, n) -> new Room(rs.getLong(1), new UnitId(rs.getLong(2)), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getBoolean(5)))
			.list();
	}

	public Optional<Member> member(long id) {
		return jdbc.sql(MEMBER + " WHERE m.id = :id").param("id", id).query((rs, n) -> member(rs)).optional();
	}

	/** The roster's members of the role in the units, by name. */
	public List<Member> members(Set<UnitId> units, WorkforceRole role) {
		return jdbc
			.sql(MEMBER
					+ " WHERE m.unit_id = ANY(:units) AND m.role = :role ORDER BY m.full_name COLLATE vietnamese, m.id")
			.param("units", RegisterRows.ids(units))
			.param("role", role.name())
			.query((rs, n) -> member(rs))
			.list();
	}

	private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Member(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), rs.getString("full_name"),
				WorkforceRole.valueOf(rs.getString("role")), rs.getObject("active_from", LocalDate.class),
				rs.getObject("active_to", LocalDate.class), rs.getObject("trained_on", LocalDate.class));
	}

}
