package vn.trean.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of a table of export jobs worked off by several instances at once: a
 * table with {@code id UUID}, {@code state} (QUEUED, RUNNING, DONE, FAILED),
 * {@code progress}, {@code attempts}, {@code claimed_at}, {@code heartbeat_at},
 * {@code file_name}, {@code content}, {@code failure}, {@code created_at} and
 * {@code finished_at}, plus whatever the module keeps about the request. Each method is
 * one statement. A worker <b>claims</b> a job in one statement (the next one with
 * {@code SKIP LOCKED}), which counts the attempt; every later write names that attempt,
 * so a worker whose job was taken from it writes nothing; a <b>heartbeat</b> goes with
 * each step of progress, and {@link #recoverStale} queues again (or fails, after the last
 * attempt) the jobs whose heartbeat went stale. Used by the plans' and the statistics'
 * exports, each with its own table: the module's repository of jobs extends it.
 */
public abstract class JobTable {

	private static final Pattern NAME = Pattern.compile("[a-z_]+");

	private final JdbcClient jdbc;

	private final String table;

	private final String columns;

	/**
	 * @param table the table's name (a constant of the module, never input)
	 * @param columns the columns a claim returns, as its row mapper reads them
	 */
	protected JobTable(JdbcClient jdbc, String table, String columns) {
		if (!NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		this.jdbc = jdbc;
		this.table = table;
		this.columns = columns;
	}

	/** What a claim sets: running, one more attempt, claimed and beating now. */
	private String claim() {
		return "UPDATE " + table + " SET state = 'RUNNING', attempts = attempts + 1,"
				+ " progress = 5, claimed_at = :now, heartbeat_at = :now";
	}

	/**
	 * Claims the job if it is still queued; empty when another worker has it (a
	 * concurrent claim waits for the row and then finds it running) or it is finished.
	 */
	public <T> Optional<T> claim(UUID id, Instant now, RowMapper<T> rows) {
		return jdbc.sql(claim() + " WHERE id = :id AND state = 'QUEUED' RETURNING " + columns)
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query(rows)
			.optional();
	}

	/**
	 * Claims the oldest queued job no other worker is claiming at this moment, or
	 * nothing.
	 */
	public <T> Optional<T> claimNext(Instant now, RowMapper<T> rows) {
		return jdbc.sql(claim() + " WHERE state = 'QUEUED' AND id = (SELECT id FROM " + table
				+ " WHERE state = 'QUEUED' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + columns)
			.param("now", Timestamp.from(now))
			.query(rows)
			.optional();
	}

	/**
	 * Records the progress of an attempt and beats its heartbeat; false when the job is
	 * no longer this attempt's (it was re-queued or failed meanwhile).
	 */
	public boolean progress(UUID id, int attempt, int percent, Instant now) {
		return jdbc.sql("UPDATE " + table + """
				 SET progress = :progress, heartbeat_at = :now
				WHERE id = :id AND state = 'RUNNING' AND attempts = :attempt""")
			.param("id", id)
			.param("attempt", attempt)
			.param("progress", Math.max(0, Math.min(100, percent)))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Stores the file of an attempt; false (nothing stored) when the job is not its. */
	public boolean done(UUID id, int attempt, String fileName, byte[] content, Instant at) {
		return jdbc.sql("UPDATE " + table + """
				 SET state = 'DONE', progress = 100, file_name = :name, content = :content,
				finished_at = :at, heartbeat_at = :at WHERE id = :id AND state = 'RUNNING' AND attempts = :attempt""")
			.param("id", id)
			.param("attempt", attempt)
			.param("name", fileName)
			.param("content", content)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Gives an attempt's job up, with the message key of why. */
	public boolean failed(UUID id, int attempt, String failure, Instant at) {
		return jdbc.sql("UPDATE " + table + """
				 SET state = 'FAILED', failure = :failure, finished_at = :at
				WHERE id = :id AND state = 'RUNNING' AND attempts = :attempt""")
			.param("id", id)
			.param("attempt", attempt)
			.param("failure", failure)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** What one recovery did. */
	public record Recovery(int requeued, int failed) {
	}

	/**
	 * Takes running jobs whose heartbeat is older than {@code staleBefore} from the
	 * workers that stopped: back to the queue while they have attempts left, failed with
	 * {@code failure} once they have used {@code maxAttempts}. Runs in the caller's
	 * transaction; each update is conditional on the job's state, so a second recovery at
	 * the same time changes nothing the first one did.
	 */
	public Recovery recoverStale(Instant staleBefore, int maxAttempts, String failure, Instant now) {
		int failed = jdbc.sql("UPDATE " + table + """
				 SET state = 'FAILED', failure = :failure, finished_at = :now
				WHERE state = 'RUNNING' AND heartbeat_at < :stale AND attempts >= :max""")
			.param("failure", failure)
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(staleBefore))
			.param("max", maxAttempts)
			.update();
		int requeued = jdbc.sql("UPDATE " + table + """
				 SET state = 'QUEUED', progress = 0, heartbeat_at = NULL
				WHERE state = 'RUNNING' AND heartbeat_at < :stale""")
			.param("stale", Timestamp.from(staleBefore))
			.update();
		return new Recovery(requeued, failed);
	}

	/** Deletes the jobs created before {@code before}. */
	public int deleteOlderThan(Instant before) {
		return jdbc.sql("DELETE FROM " + table + " WHERE created_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

}
