package vn.trean.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.geography.UnitId;

/**
 * Rows of the statistics read model written directly, for the KPI tests: each test puts
 * its rows in communes and periods of its own and removes them afterwards.
 */
final class KpiRows {

	private final JdbcClient jdbc;

	private final List<UUID> cases = new ArrayList<>();

	KpiRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A case received and opened at {@code received}, its officer, assessment and
	 * closure.
	 */
	UUID caseOf(UnitId unit, Long officer, Instant received, Instant assessed, Instant closed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO stat_case (case_id, unit_id, officer_id, status, urgency, received_at, opened_at,
				  initial_assessment_at, closed_at, demo)
				VALUES (?, ?, ?, 'OPEN', 'NORMAL', ?, ?, ?, ?, false)""")
			.params(id, unit.value(), officer, ts(received), ts(received), ts(assessed), ts(closed))
			.update();
		cases.add(id);
		return id;
	}

	void deadline(UUID caseId, UnitId unit, String step, Instant started, Instant due, Instant met) {
		jdbc.sql("""
				INSERT INTO stat_case_deadline (case_id, step, started_at, due_at, met_at, unit_id)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(caseId, step, ts(started), ts(due), ts(met), unit.value())
			.update();
	}

	void closure(UUID caseId, UnitId unit, Instant closed, Instant reopened) {
		jdbc.sql("""
				INSERT INTO stat_case_closure (case_id, closed_at, substantiated, reopened_at, unit_id)
				VALUES (?, ?, true, ?, ?)""").params(caseId, ts(closed), ts(reopened), unit.value()).update();
	}

	void referral(UUID caseId, UnitId unit, String sector, Instant sent, Instant answered, Instant completed) {
		jdbc.sql("""
				INSERT INTO stat_referral (referral_id, case_id, unit_id, sector, status, sent_at, answered_at,
				  completed_at, demo)
				VALUES (?, ?, ?, ?, 'SENT', ?, ?, ?, false)""")
			.params(UUID.randomUUID(), caseId, unit.value(), sector, ts(sent), ts(answered), ts(completed))
			.update();
	}

	/** Removes every row written (the deadlines and closures go with their case). */
	void removeAll() {
		if (!cases.isEmpty()) {
			jdbc.sql("DELETE FROM stat_referral WHERE case_id = ANY(?)")
				.params((Object) cases.toArray(UUID[]::new))
				.update();
			jdbc.sql("DELETE FROM stat_case WHERE case_id = ANY(?)")
				.params((Object) cases.toArray(UUID[]::new))
				.update();
			cases.clear();
		}
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
