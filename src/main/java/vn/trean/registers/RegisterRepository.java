package vn.trean.registers;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/** The registers' rows: lists for a set of units, inserts, and roster look-ups. */
@Repository
class RegisterRepository {

	private static final int LIST_LIMIT = 500;

	private final JdbcClient jdbc;

	RegisterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Long[] ids(Collection<UnitId> units) {
		return units.stream().map(UnitId::value).toArray(Long[]::new);
	}

	// ---- workforce ----

	List<WorkforceMember> members(Collection<UnitId> units) {
		return jdbc
			.sql("""
					SELECT m.*, (SELECT count(*) FROM training_participant p WHERE p.workforce_member_id = m.id) AS trainings
					FROM workforce_member m WHERE m.unit_id = ANY(:units)
					ORDER BY m.unit_id, m.full_name, m.id LIMIT :limit""")
			.param("units", ids(units))
			.param("limit", LIST_LIMIT)
			.query(RegisterRepository::member)
			.list();
	}

	Optional<WorkforceMember> member(long id) {
		return jdbc.sql("SELECT m.*, 0 AS trainings FROM workforce_member m WHERE m.id = :id")
			.param("id", id)
			.query(RegisterRepository::member)
			.optional();
	}

	long insert(RegisterPolicy.NewMember m, String by, Instant now) {
		return jdbc.sql("""
				INSERT INTO workforce_member (unit_id, full_name, role, sex, agency_id, active_from, active_to,
				  entered_by, entered_at)
				VALUES (:unit, :name, :role, :sex, :agency, :from, :to, :by, :now) RETURNING id""")
			.param("unit", m.unit().value())
			.param("name", m.fullName())
			.param("role", m.role().name())
			.param("sex", m.sex().name())
			.param("agency", m.agency() == null ? null : m.agency().value())
			.param("from", Date.valueOf(m.activeFrom()))
			.param("to", m.activeTo() == null ? null : Date.valueOf(m.activeTo()))
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	// ---- trainings ----

	List<Training> trainings(Collection<UnitId> units) {
		return jdbc.sql("""
				SELECT t.*, (SELECT coalesce(sum(participants), 0) FROM training_tally y WHERE y.training_id = t.id)
				  AS counted,
				  (SELECT count(*) FROM training_participant p WHERE p.training_id = t.id) AS from_roster
				FROM training t WHERE t.unit_id = ANY(:units)
				ORDER BY t.held_on DESC, t.id DESC LIMIT :limit""")
			.param("units", ids(units))
			.param("limit", LIST_LIMIT)
			.query((rs, n) -> new Training(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), day(rs, "held_on"),
					rs.getString("topic"), rs.getString("organiser"), TrainingKind.valueOf(rs.getString("kind")),
					rs.getInt("counted"), rs.getInt("from_roster")))
			.list();
	}

	long insert(RegisterPolicy.NewTraining t, String by, Instant now) {
		long id = jdbc.sql("""
				INSERT INTO training (unit_id, held_on, topic, organiser, kind, entered_by, entered_at)
				VALUES (:unit, :heldOn, :topic, :organiser, :kind, :by, :now) RETURNING id""")
			.param("unit", t.unit().value())
			.param("heldOn", Date.valueOf(t.heldOn()))
			.param("topic", t.topic())
			.param("organiser", t.organiser())
			.param("kind", t.kind().name())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		t.tally().forEach((role, bySex) -> bySex.forEach((sex, n) -> {
			if (n > 0) {
				jdbc.sql("INSERT INTO training_tally (training_id, role, sex, participants) VALUES (:t, :r, :s, :n)")
					.param("t", id)
					.param("r", role.name())
					.param("s", sex.name())
					.param("n", n)
					.update();
			}
		}));
		for (long member : t.participants()) {
			jdbc.sql("INSERT INTO training_participant (training_id, workforce_member_id) VALUES (:t, :m)")
				.param("t", id)
				.param("m", member)
				.update();
		}
		return id;
	}

	// ---- communication events ----

	List<CommunicationEvent> events(Collection<UnitId> units) {
		return jdbc.sql("""
				SELECT e.*, (SELECT count(*) FROM communication_event_household h WHERE h.event_id = e.id) AS households
				FROM communication_event e WHERE e.unit_id = ANY(:units)
				ORDER BY e.held_on DESC, e.id DESC LIMIT :limit""")
			.param("units", ids(units))
			.param("limit", LIST_LIMIT)
			.query((rs, n) -> new CommunicationEvent(rs.getLong("id"), new UnitId(rs.getLong("unit_id")),
					day(rs, "held_on"), rs.getString("type"), rs.getString("channel"), rs.getString("audience"),
					rs.getInt("reach"), rs.getString("materials"), rs.getInt("households")))
			.list();
	}

	long insert(RegisterPolicy.NewEvent e, String by, Instant now) {
		long id = jdbc.sql("""
				INSERT INTO communication_event (unit_id, held_on, type, channel, audience, reach, materials,
				  entered_by, entered_at)
				VALUES (:unit, :heldOn, :type, :channel, :audience, :reach, :materials, :by, :now) RETURNING id""")
			.param("unit", e.unit().value())
			.param("heldOn", Date.valueOf(e.heldOn()))
			.param("type", e.type())
			.param("channel", e.channel())
			.param("audience", e.audience())
			.param("reach", e.reach())
			.param("materials", e.materials())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		for (String code : e.households()) {
			jdbc.sql("INSERT INTO communication_event_household (event_id, household_code) VALUES (:e, :c)")
				.param("e", id)
				.param("c", code)
				.update();
		}
		return id;
	}

	// ---- facilities ----

	private static final String FACILITY = """
			SELECT f.*, c.checked_on, c.prevention_session, c.hotline_promoted, c.intake_procedure, c.trained_staff,
			  c.counselling
			FROM facility f LEFT JOIN LATERAL (
			  SELECT * FROM facility_check c WHERE c.facility_id = f.id ORDER BY c.checked_on DESC, c.id DESC LIMIT 1
			) c ON true
			""";

	List<Facility> facilities(Collection<UnitId> units) {
		return jdbc.sql(FACILITY + " WHERE f.unit_id = ANY(:units) ORDER BY f.kind, f.name, f.id LIMIT :limit")
			.param("units", ids(units))
			.param("limit", LIST_LIMIT)
			.query(RegisterRepository::facility)
			.list();
	}

	Optional<Facility> facility(long id) {
		return jdbc.sql(FACILITY + " WHERE f.id = :id").param("id", id).query(RegisterRepository::facility).optional();
	}

	long insert(RegisterPolicy.NewFacility f, String by, Instant now) {
		long id = jdbc.sql("""
				INSERT INTO facility (unit_id, kind, name, entered_by, entered_at)
				VALUES (:unit, :kind, :name, :by, :now) RETURNING id""")
			.param("unit", f.unit().value())
			.param("kind", f.kind().name())
			.param("name", f.name())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		if (f.check() != null) {
			insertCheck(id, f.kind(), f.check(), by, now);
		}
		return id;
	}

	void insertCheck(long facility, FacilityKind kind, RegisterPolicy.FacilityCheck check, String by, Instant now) {
		var sql = jdbc.sql("""
				INSERT INTO facility_check (facility_id, checked_on, prevention_session, hotline_promoted,
				  intake_procedure, trained_staff, counselling, entered_by, entered_at)
				VALUES (:facility, :on, :prevention_session, :hotline_promoted, :intake_procedure, :trained_staff,
				  :counselling, :by, :now)""")
			.param("facility", facility)
			.param("on", Date.valueOf(check.checkedOn()))
			.param("by", by)
			.param("now", Timestamp.from(now));
		for (FacilityKind.CheckItem item : FacilityKind.CheckItem.values()) {
			sql = sql.param(item.column(),
					kind.checklist().contains(item) ? Boolean.valueOf(check.items().contains(item)) : null,
					java.sql.Types.BOOLEAN);
		}
		sql.update();
	}

	// ---- interview rooms ----

	List<InterviewRoom> rooms(Collection<UnitId> units) {
		return jdbc.sql("""
				SELECT * FROM interview_room WHERE unit_id = ANY(:units)
				ORDER BY established_on DESC, id DESC LIMIT :limit""")
			.param("units", ids(units))
			.param("limit", LIST_LIMIT)
			.query((rs, n) -> new InterviewRoom(rs.getLong("id"), new UnitId(rs.getLong("unit_id")),
					rs.getString("name"), day(rs, "established_on"), rs.getBoolean("child_friendly")))
			.list();
	}

	long insert(RegisterPolicy.NewRoom r, String by, Instant now) {
		return jdbc.sql("""
				INSERT INTO interview_room (unit_id, name, established_on, child_friendly, entered_by, entered_at)
				VALUES (:unit, :name, :on, :friendly, :by, :now) RETURNING id""")
			.param("unit", r.unit().value())
			.param("name", r.name())
			.param("on", Date.valueOf(r.establishedOn()))
			.param("friendly", r.childFriendly())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	// ---- mapping ----

	private static WorkforceMember member(ResultSet rs, int n) throws SQLException {
		long agency = rs.getLong("agency_id");
		return new WorkforceMember(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), rs.getString("full_name"),
				WorkforceRole.valueOf(rs.getString("role")), Sex.valueOf(rs.getString("sex")),
				rs.wasNull() ? null : new AgencyId(agency), day(rs, "active_from"), day(rs, "active_to"),
				rs.getInt("trainings"));
	}

	private static Facility facility(ResultSet rs, int n) throws SQLException {
		Set<FacilityKind.CheckItem> items = EnumSet.noneOf(FacilityKind.CheckItem.class);
		for (FacilityKind.CheckItem item : FacilityKind.CheckItem.values()) {
			if (rs.getBoolean(item.column())) {
				items.add(item);
			}
		}
		return new Facility(rs.getLong("id"), new UnitId(rs.getLong("unit_id")),
				FacilityKind.valueOf(rs.getString("kind")), rs.getString("name"), day(rs, "checked_on"), items);
	}

	static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

}
