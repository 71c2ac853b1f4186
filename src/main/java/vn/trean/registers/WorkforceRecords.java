package vn.trean.registers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.registers.WorkforcePolicy.NewMember;
import vn.trean.shared.AgencyId;

/** The workforce roster's rows, with the trainings each member is linked to. */
@Repository
class WorkforceRecords {

	static final String TABLE = "workforce_member";

	private static final String MEMBER = """
			SELECT m.*, (SELECT count(*) FROM training_participant p WHERE p.workforce_member_id = m.id) AS trainings
			FROM workforce_member m
			""";

	private final JdbcClient jdbc;

	private final RegisterRows rows;

	WorkforceRecords(JdbcClient jdbc, RegisterRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/** A training a workforce member is linked to as a participant. */
	record Participation(long trainingId, UnitId unit, LocalDate heldOn, String topic) {
	}

	List<WorkforceMember> members(Set<UnitId> units, long offset, int limit) {
		return rows.page(
				MEMBER + " WHERE m.unit_id = ANY(:units) ORDER BY m.unit_id, m.full_name COLLATE vietnamese, m.id",
				units, offset, limit, WorkforceRecords::member);
	}

	/** The members with these ids (any unit), in name order. */
	List<WorkforceMember> membersById(Collection<Long> ids) {
		return jdbc.sql(MEMBER + " WHERE m.id = ANY(:ids) ORDER BY m.full_name COLLATE vietnamese, m.id")
			.param("ids", ids.toArray(Long[]::new))
			.query(WorkforceRecords::member)
			.list();
	}

	Optional<WorkforceMember> member(long id) {
		return jdbc.sql(MEMBER + " WHERE m.id = :id").param("id", id).query(WorkforceRecords::member).optional();
	}

	/**
	 * Stores a member's changed entry unless someone else changed it since
	 * {@code version}; false when they did (or it is gone).
	 */
	boolean update(MemberId id, int version, NewMember m) {
		return jdbc.sql("""
				UPDATE workforce_member SET unit_id = :unit, full_name = :name, role = :role, sex = :sex,
				  agency_id = :agency, active_from = :from, active_to = :to, version = version + 1
				WHERE id = :id AND version = :version""")
			.params(columns(m))
			.param("id", id.value())
			.param("version", version)
			.update() == 1;
	}

	List<Participation> participations(MemberId id) {
		return jdbc.sql("""
				SELECT t.id, t.unit_id, t.held_on, t.topic FROM training_participant p
				JOIN training t ON t.id = p.training_id
				WHERE p.workforce_member_id = :member ORDER BY t.held_on DESC, t.id DESC""")
			.param("member", id.value())
			.query((rs, n) -> new Participation(rs.getLong("id"), new UnitId(rs.getLong("unit_id")),
					RegisterRows.day(rs, "held_on"), rs.getString("topic")))
			.list();
	}

	/**
	 * Deletes a member read at {@code version}; false when it changed meanwhile. A member
	 * still linked to a training is refused by the database (the link's foreign key).
	 */
	boolean delete(MemberId id, int version) {
		return rows.delete(TABLE, id.value(), version);
	}

	long insert(NewMember m, String by, Instant now) {
		return jdbc.sql("""
				INSERT INTO workforce_member (unit_id, full_name, role, sex, agency_id, active_from, active_to,
				  entered_by, entered_at)
				VALUES (:unit, :name, :role, :sex, :agency, :from, :to, :by, :now) RETURNING id""")
			.params(columns(m))
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	private static Map<String, Object> columns(NewMember m) {
		Map<String, Object> columns = new HashMap<>();
		columns.put("unit", m.unit().value());
		columns.put("name", m.fullName());
		columns.put("role", m.role().name());
		columns.put("sex", m.sex().name());
		columns.put("agency", m.agency() == null ? null : m.agency().value());
		columns.put("from", RegisterRows.sqlDate(m.activeFrom()));
		columns.put("to", RegisterRows.sqlDate(m.activeTo()));
		return columns;
	}

	private static WorkforceMember member(ResultSet rs, int n) throws SQLException {
		long agencyId = rs.getLong("agency_id");
		AgencyId agency = rs.wasNull() ? null : new AgencyId(agencyId);
		return new WorkforceMember(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), rs.getString("full_name"),
				WorkforceRole.valueOf(rs.getString("role")), Sex.valueOf(rs.getString("sex")), agency,
				RegisterRows.day(rs, "active_from"), RegisterRows.day(rs, "active_to"), rs.getInt("trainings"),
				rs.getInt("version"));
	}

}
