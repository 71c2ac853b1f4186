package vn.trean.registers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.registers.TrainingPolicy.NewTraining;

/**
 * The trainings' rows, with their participants counted by role and sex and those on the
 * roster linked to them.
 */
@Repository
class TrainingRecords {

	static final String TABLE = "training";

	private static final String TRAINING = """
			SELECT t.*, (SELECT coalesce(sum(participants), 0) FROM training_tally y WHERE y.training_id = t.id)
			  AS counted,
			  (SELECT count(*) FROM training_participant p WHERE p.training_id = t.id) AS from_roster
			FROM training t
			""";

	private final JdbcClient jdbc;

	private final RegisterRows rows;

	TrainingRecords(JdbcClient jdbc, RegisterRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	List<Training> trainings(Set<UnitId> units, long offset, int limit) {
		return rows.page(TRAINING + " WHERE t.unit_id = ANY(:units) ORDER BY t.held_on DESC, t.id DESC", units, offset,
				limit, TrainingRecords::training);
	}

	Optional<Training> training(TrainingId id) {
		return jdbc.sql(TRAINING + " WHERE t.id = :id")
			.param("id", id.value())
			.query(TrainingRecords::training)
			.optional();
	}

	/** The roster members linked to a training, by id. */
	List<Long> participants(TrainingId id) {
		return jdbc.sql(
				"SELECT workforce_member_id FROM training_participant WHERE training_id = :t ORDER BY workforce_member_id")
			.param("t", id.value())
			.query(Long.class)
			.list();
	}

	/** A training's participants as counted, by role and sex. */
	Map<WorkforceRole, Map<Sex, Integer>> tally(TrainingId id) {
		Map<WorkforceRole, Map<Sex, Integer>> tally = new EnumMap<>(WorkforceRole.class);
		jdbc.sql("SELECT role, sex, participants FROM training_tally WHERE training_id = :t")
			.param("t", id.value())
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
	boolean update(TrainingId id, int version, NewTraining t) {
		int changed = jdbc.sql("""
				UPDATE training SET held_on = :heldOn, topic = :topic, organiser = :organiser, kind = :kind,
				  version = version + 1
				WHERE id = :id AND version = :version""")
			.param("heldOn", RegisterRows.sqlDate(t.heldOn()))
			.param("topic", t.topic())
			.param("organiser", t.organiser())
			.param("kind", t.kind().name())
			.param("id", id.value())
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
			.param("t", id.value())
			.param("members", t.participants().toArray(Long[]::new))
			.query(Long.class)
			.single();
		jdbc.sql("DELETE FROM training_tally WHERE training_id = :t").param("t", id.value()).update();
		jdbc.sql("DELETE FROM training_participant WHERE training_id = :t").param("t", id.value()).update();
		insertParticipants(id.value(), t);
		return true;
	}

	/** Deletes a training with its counts and participant links. */
	boolean delete(TrainingId id, int version) {
		return rows.delete(TABLE, id.value(), version);
	}

	long insert(NewTraining t, String by, Instant now) {
		long id = jdbc.sql("""
				INSERT INTO training (unit_id, held_on, topic, organiser, kind, entered_by, entered_at)
				VALUES (:unit, :heldOn, :topic, :organiser, :kind, :by, :now) RETURNING id""")
			.param("unit", t.unit().value())
			.param("heldOn", RegisterRows.sqlDate(t.heldOn()))
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

	private void insertParticipants(long id, NewTraining t) {
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
		// other writer of participations, so two trainings sharing people cannot deadlock
		if (!t.participants().isEmpty()) {
			jdbc.sql("""
					INSERT INTO training_participant (training_id, workforce_member_id)
					SELECT :t, m FROM unnest(CAST(:members AS bigint[])) AS m ORDER BY m""")
				.param("t", id)
				.param("members", t.participants().toArray(Long[]::new))
				.update();
		}
	}

	private static Training training(ResultSet rs, int n) throws SQLException {
		return new Training(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), RegisterRows.day(rs, "held_on"),
				rs.getString("topic"), rs.getString("organiser"), TrainingKind.valueOf(rs.getString("kind")),
				rs.getInt("counted"), rs.getInt("from_roster"), rs.getInt("version"));
	}

}
