package vn.trean.registers;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
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

	/** Records on one page of a register's list. */
	static final int PAGE_SIZE = 500;

	/** The registers' tables, the only names {@link #count} puts into a statement. */
	enum Table {

		WORKFORCE_MEMBER, TRAINING, COMMUNICATION_EVENT, FACILITY, INTERVIEW_ROOM

	}

	private final JdbcClient jdbc;

	RegisterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Long[] ids(Collection<UnitId> units) {
		return units.stream().map(UnitId::value).toArray(Long[]::new);
	}

	/** How many records of a register lie on the units. */
	long count(Table table, Collection<UnitId> units) {
		return jdbc
			.sql("SELECT count(*) FROM " + table.name().toLowerCase(java.util.Locale.ROOT)
					+ " WHERE unit_id = ANY(:units)")
			.param("units", ids(units))
			.query(Long.class)
			.single();
	}

	/**
	 * One page of a register's list: the statement selects the records on {@code :units}
	 * in an order ending with a unique column, so pages neither overlap nor skip.
	 */
	private <T> List<T> page(String select, Collection<UnitId> units, int offset,
			org.springframework.jdbc.core.RowMapper<T> row) {
		return jdbc.sql(select + " LIMIT :limit OFFSET :offset")
			.param("units", ids(units))
			.param("limit", PAGE_SIZE)
			.param("offset", offset)
			.query(row)
			.list();
	}

	// ---- workforce ----

	List<WorkforceMember> members(Collection<UnitId> units, int offset) {
		return page(
				"""
						SELECT m.*, (SELECT count(*) FROM training_participant p WHERE p.workforce_member_id = m.id) AS trainings
						FROM workforce_member m WHERE m.unit_id = ANY(:units)
						ORDER BY m.unit_id, m.full_name, m.id""",
				units, offset, RegisterRepository::member);
	}

	/** The members with these ids (any unit), in name order. */
	List<WorkforceMember> membersById(Collection<Long> ids) {
		return jdbc
			.sql("""
					SELECT m.*, (SELECT count(*) FROM training_participant p WHERE p.workforce_member_id = m.id) AS trainings
					FROM workforce_member m WHERE m.id = ANY(:ids) ORDER BY m.full_name, m.id""")
			.param("ids", ids.toArray(Long[]::new))
			.query(RegisterRepository::member)
			.list();
	}

	Optional<WorkforceMember> member(long id) {
		return jdbc
			.sql("""
					SELECT m.*, (SELECT count(*) FROM training_participant p WHERE p.workforce_member_id = m.id) AS trainings
					FROM workforce_member m WHERE m.id = :id""")
			.param("id", id)
			.query(RegisterRepository::member)
			.optional();
	}

	/**
	 * Stores a member's changed entry unless someone else changed it since
	 * {@code version}; false when they did (or it is gone).
	 */
	boolean update(long id, int version, RegisterPolicy.NewMember m) {
		return jdbc.sql("""
				UPDATE workforce_member SET unit_id = :unit, full_name = :name, role = :role, sex = :sex,
				  agency_id = :agency, active_from = :from, active_to = :to, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("unit", m.unit().value())
			.param("name", m.fullName())
			.param("role", m.role().name())
			.param("sex", m.sex().name())
			.param("agency", m.agency() == null ? null : m.agency().value())
			.param("from", Date.valueOf(m.activeFrom()))
			.param("to", m.activeTo() == null ? null : Date.valueOf(m.activeTo()))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** A training a workforce member is linked to as a participant. */
	record Participation(long trainingId, UnitId unit, LocalDate heldOn, String topic) {
	}

	List<Participation> participations(long memberId) {
		return jdbc.sql("""
				SELECT t.id, t.unit_id, t.held_on, t.topic FROM training_participant p
				JOIN training t ON t.id = p.training_id
				WHERE p.workforce_member_id = :member ORDER BY t.held_on DESC, t.id DESC""")
			.param("member", memberId)
			.query((rs, n) -> new Participation(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), day(rs, "held_on"),
					rs.getString("topic")))
			.list();
	}

	/**
	 * Deletes a member read at {@code version}; false when it changed meanwhile. A member
	 * still linked to a training is refused by the database (the link's foreign key).
	 */
	boolean deleteMember(long id, int version) {
		return delete("workforce_member", id, version);
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

	private static final String TRAINING = """
			SELECT t.*, (SELECT coalesce(sum(participants), 0) FROM training_tally y WHERE y.training_id = t.id)
			  AS counted,
			  (SELECT count(*) FROM training_participant p WHERE p.training_id = t.id) AS from_roster
			FROM training t
			""";

	List<Training> trainings(Collection<UnitId> units, int offset) {
		return page(TRAINING + " WHERE t.unit_id = ANY(:units) ORDER BY t.held_on DESC, t.id DESC", units, offset,
				RegisterRepository::training);
	}

	Optional<Training> training(long id) {
		return jdbc.sql(TRAINING + " WHERE t.id = :id").param("id", id).query(RegisterRepository::training).optional();
	}

	/** The roster members linked to a training, by id. */
	List<Long> participants(long trainingId) {
		return jdbc.sql(
				"SELECT workforce_member_id FROM training_participant WHERE training_id = :t ORDER BY workforce_member_id")
			.param("t", trainingId)
			.query(Long.class)
			.list();
	}

	/** A training's participants as counted, by role and sex. */
	Map<WorkforceRole, Map<Sex, Integer>> tally(long trainingId) {
		Map<WorkforceRole, Map<Sex, Integer>> tally = new EnumMap<>(WorkforceRole.class);
		jdbc.sql("SELECT role, sex, participants FROM training_tally WHERE training_id = :t")
			.param("t", trainingId)
			.query(rs -> {
				tally.computeIfAbsent(WorkforceRole.valueOf(rs.getString("role")), r -> new EnumMap<>(Sex.class))
					.put(Sex.valueOf(rs.getString("sex")), rs.getInt("participants"));
			});
		return tally;
	}

	/**
	 * Stores a training's changed entry, its counts and participants replaced, unless
	 * someone else changed it since {@code version}.
	 */
	boolean update(long id, int version, RegisterPolicy.NewTraining t) {
		int changed = jdbc.sql("""
				UPDATE training SET held_on = :heldOn, topic = :topic, organiser = :organiser, kind = :kind,
				  version = version + 1
				WHERE id = :id AND version = :version""")
			.param("heldOn", Date.valueOf(t.heldOn()))
			.param("topic", t.topic())
			.param("organiser", t.organiser())
			.param("kind", t.kind().name())
			.param("id", id)
			.param("version", version)
			.update();
		if (changed != 1) {
			return false;
		}
		// the members it listed and will list, locked at once in id order before the
		// deletion and the insertion lock them again (see insertParticipants)
		jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM workforce_member WHERE id IN (
				  SELECT workforce_member_id FROM training_participant WHERE training_id = :t
				  UNION SELECT unnest(CAST(:members AS bigint[])))
				ORDER BY id FOR NO KEY UPDATE) locked""")
			.param("t", id)
			.param("members", t.participants().toArray(Long[]::new))
			.query(Long.class)
			.single();
		jdbc.sql("DELETE FROM training_tally WHERE training_id = :t").param("t", id).update();
		jdbc.sql("DELETE FROM training_participant WHERE training_id = :t").param("t", id).update();
		insertParticipants(id, t);
		return true;
	}

	/** Deletes a training with its counts and participant links. */
	boolean deleteTraining(long id, int version) {
		return delete("training", id, version);
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
		insertParticipants(id, t);
		return id;
	}

	private void insertParticipants(long id, RegisterPolicy.NewTraining t) {
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
		// one statement: its trigger locks the members in id order (V25), like every
		// other
		// writer of participations, so two trainings sharing people cannot deadlock
		if (!t.participants().isEmpty()) {
			jdbc.sql("""
					INSERT INTO training_participant (training_id, workforce_member_id)
					SELECT :t, m FROM unnest(CAST(:members AS bigint[])) AS m ORDER BY m""")
				.param("t", id)
				.param("members", t.participants().toArray(Long[]::new))
				.update();
		}
	}

	// ---- communication events ----

	private static final String EVENT = """
			SELECT e.*, (SELECT count(*) FROM communication_event_household h WHERE h.event_id = e.id) AS households
			FROM communication_event e
			""";

	List<CommunicationEvent> events(Collection<UnitId> units, int offset) {
		return page(EVENT + " WHERE e.unit_id = ANY(:units) ORDER BY e.held_on DESC, e.id DESC", units, offset,
				RegisterRepository::event);
	}

	Optional<CommunicationEvent> event(long id) {
		return jdbc.sql(EVENT + " WHERE e.id = :id").param("id", id).query(RegisterRepository::event).optional();
	}

	/** The household codes an event identified, in the order of their codes. */
	List<String> households(long eventId) {
		return jdbc
			.sql("SELECT household_code FROM communication_event_household WHERE event_id = :e ORDER BY household_code")
			.param("e", eventId)
			.query(String.class)
			.list();
	}

	/**
	 * Stores an event's changed entry, its households replaced, unless someone else
	 * changed it since {@code version}.
	 */
	boolean update(long id, int version, RegisterPolicy.NewEvent e) {
		int changed = jdbc.sql("""
				UPDATE communication_event SET unit_id = :unit, held_on = :heldOn, type = :type, channel = :channel,
				  audience = :audience, reach = :reach, materials = :materials, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("unit", e.unit().value())
			.param("heldOn", Date.valueOf(e.heldOn()))
			.param("type", e.type())
			.param("channel", e.channel())
			.param("audience", e.audience())
			.param("reach", e.reach())
			.param("materials", e.materials())
			.param("id", id)
			.param("version", version)
			.update();
		if (changed != 1) {
			return false;
		}
		jdbc.sql("DELETE FROM communication_event_household WHERE event_id = :e").param("e", id).update();
		insertHouseholds(id, e.households());
		return true;
	}

	/** Deletes an event with the households it identified. */
	boolean deleteEvent(long id, int version) {
		return delete("communication_event", id, version);
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
		insertHouseholds(id, e.households());
		return id;
	}

	private void insertHouseholds(long id, List<String> households) {
		for (String code : households) {
			jdbc.sql("INSERT INTO communication_event_household (event_id, household_code) VALUES (:e, :c)")
				.param("e", id)
				.param("c", code)
				.update();
		}
	}

	// ---- facilities ----

	private static final String FACILITY = """
			SELECT f.*, c.checked_on, c.prevention_session, c.hotline_promoted, c.intake_procedure, c.trained_staff,
			  c.counselling
			FROM facility f LEFT JOIN LATERAL (
			  SELECT * FROM facility_check c WHERE c.facility_id = f.id ORDER BY c.checked_on DESC, c.id DESC LIMIT 1
			) c ON true
			""";

	List<Facility> facilities(Collection<UnitId> units, int offset) {
		return page(FACILITY + " WHERE f.unit_id = ANY(:units) ORDER BY f.kind, f.name, f.id", units, offset,
				RegisterRepository::facility);
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

	/**
	 * Stores a facility's changed unit, kind and name unless changed since
	 * {@code version}.
	 */
	boolean update(long id, int version, RegisterPolicy.NewFacility f) {
		return jdbc.sql("""
				UPDATE facility SET unit_id = :unit, kind = :kind, name = :name, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("unit", f.unit().value())
			.param("kind", f.kind().name())
			.param("name", f.name())
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** Deletes a facility with its checks. */
	boolean deleteFacility(long id, int version) {
		return delete("facility", id, version);
	}

	/** A facility's checks, newest first. */
	List<CapacityCheck> checks(long facilityId) {
		return jdbc.sql("SELECT * FROM facility_check WHERE facility_id = :f ORDER BY checked_on DESC, id DESC")
			.param("f", facilityId)
			.query(RegisterRepository::check)
			.list();
	}

	Optional<CapacityCheck> check(long facilityId, long checkId) {
		return jdbc.sql("SELECT * FROM facility_check WHERE facility_id = :f AND id = :id")
			.param("f", facilityId)
			.param("id", checkId)
			.query(RegisterRepository::check)
			.optional();
	}

	/** Stores a check's changed date and items unless changed since {@code version}. */
	boolean updateCheck(long checkId, int version, FacilityKind kind, RegisterPolicy.FacilityCheck check) {
		var sql = jdbc.sql("""
				UPDATE facility_check SET checked_on = :on, prevention_session = :prevention_session,
				  hotline_promoted = :hotline_promoted, intake_procedure = :intake_procedure,
				  trained_staff = :trained_staff, counselling = :counselling, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("on", Date.valueOf(check.checkedOn()))
			.param("id", checkId)
			.param("version", version);
		for (FacilityKind.CheckItem item : FacilityKind.CheckItem.values()) {
			sql = sql.param(item.column(),
					kind.checklist().contains(item) ? Boolean.valueOf(check.items().contains(item)) : null,
					java.sql.Types.BOOLEAN);
		}
		return sql.update() == 1;
	}

	boolean deleteCheck(long checkId, int version) {
		return delete("facility_check", checkId, version);
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

	List<InterviewRoom> rooms(Collection<UnitId> units, int offset) {
		return page("SELECT * FROM interview_room WHERE unit_id = ANY(:units) ORDER BY established_on DESC, id DESC",
				units, offset, RegisterRepository::room);
	}

	Optional<InterviewRoom> room(long id) {
		return jdbc.sql("SELECT * FROM interview_room WHERE id = :id")
			.param("id", id)
			.query(RegisterRepository::room)
			.optional();
	}

	boolean update(long id, int version, RegisterPolicy.NewRoom r) {
		return jdbc.sql("""
				UPDATE interview_room SET unit_id = :unit, name = :name, established_on = :on,
				  child_friendly = :friendly, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("unit", r.unit().value())
			.param("name", r.name())
			.param("on", Date.valueOf(r.establishedOn()))
			.param("friendly", r.childFriendly())
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	boolean deleteRoom(long id, int version) {
		return delete("interview_room", id, version);
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

	/** Deletes a row of a register's table read at {@code version}. */
	private boolean delete(String table, long id, int version) {
		return jdbc.sql("DELETE FROM " + table + " WHERE id = :id AND version = :version")
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	// ---- mapping ----

	private static Training training(ResultSet rs, int n) throws SQLException {
		return new Training(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), day(rs, "held_on"),
				rs.getString("topic"), rs.getString("organiser"), TrainingKind.valueOf(rs.getString("kind")),
				rs.getInt("counted"), rs.getInt("from_roster"), rs.getInt("version"));
	}

	private static CommunicationEvent event(ResultSet rs, int n) throws SQLException {
		return new CommunicationEvent(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), day(rs, "held_on"),
				rs.getString("type"), rs.getString("channel"), rs.getString("audience"), rs.getInt("reach"),
				rs.getString("materials"), rs.getInt("households"), rs.getInt("version"));
	}

	private static InterviewRoom room(ResultSet rs, int n) throws SQLException {
		return new InterviewRoom(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), rs.getString("name"),
				day(rs, "established_on"), rs.getBoolean("child_friendly"), rs.getInt("version"));
	}

	private static CapacityCheck check(ResultSet rs, int n) throws SQLException {
		Set<FacilityKind.CheckItem> items = EnumSet.noneOf(FacilityKind.CheckItem.class);
		for (FacilityKind.CheckItem item : FacilityKind.CheckItem.values()) {
			if (rs.getBoolean(item.column())) {
				items.add(item);
			}
		}
		return new CapacityCheck(rs.getLong("id"), rs.getLong("facility_id"), day(rs, "checked_on"), items,
				rs.getInt("version"));
	}

	private static WorkforceMember member(ResultSet rs, int n) throws SQLException {
		long agency = rs.getLong("agency_id");
		return new WorkforceMember(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), rs.getString("full_name"),
				WorkforceRole.valueOf(rs.getString("role")), Sex.valueOf(rs.getString("sex")),
				rs.wasNull() ? null : new AgencyId(agency), day(rs, "active_from"), day(rs, "active_to"),
				rs.getInt("trainings"), rs.getInt("version"));
	}

	private static Facility facility(ResultSet rs, int n) throws SQLException {
		Set<FacilityKind.CheckItem> items = EnumSet.noneOf(FacilityKind.CheckItem.class);
		for (FacilityKind.CheckItem item : FacilityKind.CheckItem.values()) {
			if (rs.getBoolean(item.column())) {
				items.add(item);
			}
		}
		return new Facility(rs.getLong("id"), new UnitId(rs.getLong("unit_id")),
				FacilityKind.valueOf(rs.getString("kind")), rs.getString("name"), day(rs, "checked_on"), items,
				rs.getInt("version"));
	}

	static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

}
