package vn.trean.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseFacts;
import vn.trean.cases.CaseId;

/**
 * Writes the read model's rows of a batch of cases: it locks the cases' keys (two
 * listeners of one case wait for each other), deletes what the read model held of them
 * and inserts what {@link CaseRows} derived, in the caller's transaction. Whatever the
 * read model held before, afterwards it holds exactly the derivation of the facts.
 * <p>
 * Kept whole: one statement per table, each a batch, reads best side by side.
 */
@Component
class ReadModelWriter {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	ReadModelWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Takes the transaction's locks on the keys, in one order, so writers never deadlock.
	 */
	void lock(String prefix, Collection<String> keys) {
		String[] sorted = keys.stream().map(k -> prefix + k).sorted().distinct().toArray(String[]::new);
		jdbc.sql("SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest(:keys) AS k")
			.param("keys", sorted)
			.query(Long.class)
			.single();
	}

	/**
	 * Replaces the rows of the cases {@code ids} by the derivation of their facts.
	 * <p>
	 * Kept whole: one batch statement per table of the read model, which read best side
	 * by side.
	 */
	void cases(Collection<CaseId> ids, List<CaseFacts> facts) {
		lock("stat-case:", ids.stream().map(id -> id.value().toString()).toList());
		UUID[] keys = ids.stream().map(CaseId::value).toArray(UUID[]::new);
		for (String table : List.of("stat_circumstance", "stat_support", "stat_case")) {
			jdbc.sql("DELETE FROM " + table + " WHERE case_id = ANY(:ids)").param("ids", keys).update();
		}
		List<CaseRows> rows = facts.stream().map(CaseRows::of).toList();
		insert("""
				INSERT INTO stat_case (case_id, unit_id, officer_id, status, urgency, received_at, opened_at,
				  harm_confirmed_at, initial_assessment_at, plan_drafted_at, emergency_at, separated_at, closed_at, demo)
				VALUES (:case, :unit, :officer, :status, :urgency, :received, :opened, :confirmed, :assessed, :planned,
				  :emergency, :separated, :closed, :demo)""",
				rows, r -> List.of(caseRow(r.row())));
		insert("""
				INSERT INTO stat_case_deadline (case_id, step, started_at, due_at, met_at, unit_id)
				VALUES (:case, :step, :started, :due, :met, :unit)""", rows, r -> r.deadlines()
			.stream()
			.map(d -> of(r, "step", d.step(), "started", at(d.startedAt()), "due", at(d.dueAt()), "met", at(d.metAt())))
			.toList());
		insert("""
				INSERT INTO stat_case_closure (case_id, closed_at, substantiated, reopened_at, unit_id)
				VALUES (:case, :closed, :substantiated, :reopened, :unit)""", rows,
				r -> r.closures()
					.stream()
					.map(c -> of(r, "closed", at(c.closedAt()), "substantiated", c.substantiated(), "reopened",
							at(c.reopenedAt())))
					.toList());
		insert("""
				INSERT INTO stat_abused_child (case_id, child_id, harm_form, unit_id, harm_on, sex, age, setting, demo)
				VALUES (:case, :child, :form, :unit, :on, :sex, :age, :setting, :demo)""", rows,
				r -> r.abused()
					.stream()
					.map(a -> of(r, "child", a.child(), "form", a.harmForm(), "on", a.harmOn(), "sex", a.sex(), "age",
							a.age(), "setting", a.setting()))
					.toList());
		insert("""
				INSERT INTO stat_circumstance (child_id, grp, source, source_id, case_id, unit_id, started_on, ended_on)
				VALUES (:child, :group, 'CASE', :sourceId, :case, :unit, :from, :to)""", rows,
				r -> r.circumstances()
					.stream()
					.map(c -> of(r, "child", c.child(), "group", c.group(), "sourceId",
							r.row().facts().id().value().toString(), "from", c.startedOn(), "to", c.endedOn()))
					.toList());
		insert("""
				INSERT INTO stat_support (child_id, source, source_id, kind, case_id, unit_id, started_on, ended_on)
				VALUES (:child, 'CASE', :sourceId, :kind, :case, :unit, :from, :to)""", rows,
				r -> r.supports()
					.stream()
					.map(s -> of(r, "child", s.child(), "sourceId", s.sourceId(), "kind", s.kind(), "from",
							s.startedOn(), "to", s.endedOn()))
					.toList());
	}

	private static MapSqlParameterSource caseRow(CaseRows.Case row) {
		CaseFacts f = row.facts();
		return new MapSqlParameterSource().addValue("case", f.id().value())
			.addValue("unit", f.unit().value())
			.addValue("officer", f.officer())
			.addValue("status", f.status().name())
			.addValue("urgency", f.urgency())
			.addValue("received", at(f.receivedAt()))
			.addValue("opened", at(f.openedAt()))
			.addValue("confirmed", at(row.harmConfirmedAt()))
			.addValue("assessed", at(row.initialAssessmentAt()))
			.addValue("planned", at(row.planDraftedAt()))
			.addValue("emergency", at(row.emergencyAt()))
			.addValue("separated", at(row.separatedAt()))
			.addValue("closed", at(f.closedAt()))
			.addValue("demo", f.demo());
	}

	/** A row's parameters: the case's key, unit and demo flag, and the pairs given. */
	private static MapSqlParameterSource of(CaseRows rows, Object... pairs) {
		CaseFacts f = rows.row().facts();
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("case", f.id().value())
			.addValue("unit", f.unit().value())
			.addValue("demo", f.demo());
		for (int i = 0; i < pairs.length; i += 2) {
			p.addValue((String) pairs[i], pairs[i + 1]);
		}
		return p;
	}

	/** Inserts the rows one statement produces for each item, as one batch. */
	<T> void insert(String sql, Collection<T> items, Function<T, List<? extends SqlParameterSource>> rows) {
		List<SqlParameterSource> all = new ArrayList<>();
		items.forEach(item -> all.addAll(rows.apply(item)));
		if (!all.isEmpty()) {
			batch.batchUpdate(sql, all.toArray(SqlParameterSource[]::new));
		}
	}

	/** Deletes the rows of a table whose key is among {@code keys}. */
	void delete(String table, String keyColumn, Object[] keys) {
		jdbc.sql("DELETE FROM " + table + " WHERE " + keyColumn + " = ANY(:keys)").param("keys", keys).update();
	}

	/**
	 * Deletes the rows recorded on the children's records (not those read from cases).
	 */
	void deleteRecorded(String table, Long[] children) {
		jdbc.sql("DELETE FROM " + table + " WHERE child_id = ANY(:children) AND source = 'RECORD'")
			.param("children", children)
			.update();
	}

	static MapSqlParameterSource params(Map<String, ?> values) {
		return new MapSqlParameterSource(values);
	}

	static @Nullable Timestamp at(@Nullable Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
