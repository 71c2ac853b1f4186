package vn.trean.cases;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stores what a step recorded with the case, in the step's transaction: timeline entries,
 * form versions, clocks started and met, and the case's next deadline after them.
 */
@Repository
class CaseChangeStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CaseChangeStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void apply(ProtectionCase c, ProtectionCase.Actor actor, Instant now) {
		for (ProtectionCase.Change change : c.changes()) {
			if (change instanceof ProtectionCase.Change.Entry e) {
				entry(c.id(), actor, now, e.kind(), e.text(), e.visibility(), e.ref());
			}
			else if (change instanceof ProtectionCase.Change.FormSaved f) {
				saveForm(c, actor, now, f);
			}
			else if (change instanceof ProtectionCase.Change.ClockStarted s) {
				startClock(c.id(), now, s);
			}
			else if (change instanceof ProtectionCase.Change.ClocksMet m) {
				meetClocks(c.id(), now, m);
			}
		}
		refreshNextDeadline(c.id());
	}

	private void startClock(CaseId id, Instant now, ProtectionCase.Change.ClockStarted s) {
		jdbc.sql("""
				INSERT INTO case_deadline (case_id, step, started_at, due_at)
				SELECT :id, :step, :at, :due
				WHERE NOT :unlessRunning OR NOT EXISTS (SELECT 1 FROM case_deadline
				  WHERE case_id = :id AND step = :step AND met_at IS NULL)""")
			.param("unlessRunning", s.unlessRunning())
			.param("id", id.value())
			.param("step", s.step().name())
			.param("at", Timestamp.from(now))
			.param("due", Timestamp.from(s.due()))
			.update();
	}

	private void meetClocks(CaseId id, Instant now, ProtectionCase.Change.ClocksMet m) {
		jdbc.sql("""
				UPDATE case_deadline SET met_at = :at
				WHERE case_id = :id AND met_at IS NULL AND step IN (:steps)""")
			.param("id", id.value())
			.param("at", Timestamp.from(now))
			.param("steps", m.steps().stream().map(Enum::name).toList())
			.update();
	}

	/**
	 * The case's earliest open deadline, read through the index of open deadlines by case
	 * and due time (V24); none open sets both columns to null.
	 */
	private void refreshNextDeadline(CaseId id) {
		jdbc.sql("""
				UPDATE protection_case SET (next_deadline_at, next_deadline_step) = (
				  SELECT due_at, step FROM case_deadline WHERE case_id = :id AND met_at IS NULL
				  ORDER BY due_at, id LIMIT 1)
				WHERE id = :id""").param("id", id.value()).update();
	}

	void entry(CaseId id, ProtectionCase.Actor actor, Instant at, String kind, String text, NoteVisibility visibility,
			String ref) {
		jdbc.sql("""
				INSERT INTO case_entry (case_id, at, actor_id, actor_name, kind, visibility, text, ref)
				VALUES (:id, :at, :actor, :name, :kind, :visibility, :text, :ref)""")
			.param("id", id.value())
			.param("at", Timestamp.from(at))
			.param("actor", actor.userId() > 0 ? actor.userId() : null)
			.param("name", actor.name())
			.param("kind", kind)
			.param("visibility", visibility.name())
			.param("text", text)
			.param("ref", ref)
			.update();
	}

	private void saveForm(ProtectionCase c, ProtectionCase.Actor actor, Instant now,
			ProtectionCase.Change.FormSaved f) {
		jdbc.sql("""
				INSERT INTO case_form (case_id, form, cycle, version, schema, data, recorded_by, recorded_at)
				VALUES (:id, :form, :cycle,
				  (SELECT coalesce(max(version), 0) + 1 FROM case_form WHERE case_id = :id AND form = :form
				   AND cycle = :cycle),
				  :schema, CAST(:data AS jsonb), :by, :at)""")
			.param("id", c.id().value())
			.param("form", f.form().name())
			.param("cycle", c.cycle())
			.param("schema", f.schema())
			.param("data", json.writeValueAsString(f.data()))
			.param("by", actor.userId())
			.param("at", Timestamp.from(now))
			.update();
	}

}
