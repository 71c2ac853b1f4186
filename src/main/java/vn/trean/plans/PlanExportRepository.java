package vn.trean.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Export jobs and their files. Every method is its own statement, so outside a
 * transaction each progress update is committed at once and a poll on any instance sees
 * it. A worker claims a job in one statement and names its attempt in every later write,
 * so a job is produced by one worker only.
 */
@Repository
class PlanExportRepository {

	/** The columns of a job without its file. */
	private static final String COLUMNS = "id, plan_id, requested_by, format, period, locale, state, progress, attempts,"
			+ " file_name, failure, created_at, finished_at";

	/** What a claim sets: running, one more attempt, claimed and beating now. */
	private static final String CLAIM = "UPDATE plan_export SET state = 'RUNNING', attempts = attempts + 1,"
			+ " progress = 5, claimed_at = :now, heartbeat_at = :now";

	private final JdbcClient jdbc;

	PlanExportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(PlanExport job) {
		jdbc.sql("""
				INSERT INTO plan_export (id, plan_id, requested_by, format, period, locale, state, progress, created_at)
				VALUES (:id, :plan, :by, :format, :period, :locale, :state, 0, :at)""")
			.param("id", job.id())
			.param("plan", job.planId())
			.param("by", job.requestedBy())
			.param("format", job.format().name())
			.param("period", job.period())
			.param("locale", job.language())
			.param("state", job.state().name())
			.param("at", Timestamp.from(job.createdAt()))
			.update();
	}

	/** The job of a plan, only when the given user asked for it. */
	Optional<PlanExport> find(long planId, UUID id, String requestedBy) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM plan_export WHERE id = :id AND plan_id = :plan AND requested_by = :by")
			.param("id", id)
			.param("plan", planId)
			.param("by", requestedBy)
			.query(PlanExportRepository::job)
			.optional();
	}

	/** The file of a finished job, only for the user who asked for it. */
	Optional<byte[]> content(long planId, UUID id, String requestedBy) {
		return jdbc
			.sql("SELECT content FROM plan_export WHERE id = :id AND plan_id = :plan AND requested_by = :by"
					+ " AND state = 'DONE'")
			.param("id", id)
			.param("plan", planId)
			.param("by", requestedBy)
			.query(byte[].class)
			.optional();
	}

	// ---- the worker ----

	/**
	 * Claims the job if it is still queued; empty when another worker has it (a
	 * concurrent claim waits for the row and then finds it running) or it is finished.
	 */
	Optional<PlanExport> claim(UUID id, Instant now) {
		return jdbc.sql(CLAIM + " WHERE id = :id AND state = 'QUEUED' RETURNING " + COLUMNS)
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query(PlanExportRepository::job)
			.optional();
	}

	/**
	 * Claims the oldest queued job no other worker is claiming at this moment, or
	 * nothing.
	 */
	Optional<PlanExport> claimNext(Instant now) {
		return jdbc.sql(CLAIM + """
				 WHERE state = 'QUEUED' AND id = (SELECT id FROM plan_export WHERE state = 'QUEUED'
				ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING\s""" + COLUMNS)
			.param("now", Timestamp.from(now))
			.query(PlanExportRepository::job)
			.optional();
	}

	/**
	 * Records the progress of an attempt and beats its heartbeat; false when the job is
	 * no longer this attempt's (it was re-queued or failed meanwhile).
	 */
	boolean progress(UUID id, int attempt, int percent, Instant now) {
		return jdbc.sql("""
				UPDATE plan_export SET progress = :progress, heartbeat_at = :now
				WHERE id = :id AND state = 'RUNNING' AND attempts = :attempt""")
			.param("id", id)
			.param("attempt", attempt)
			.param("progress", Math.max(0, Math.min(100, percent)))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Stores the file of an attempt; false (nothing stored) when the job is not its. */
	boolean done(UUID id, int attempt, String fileName, byte[] content, Instant at) {
		return jdbc.sql("""
				UPDATE plan_export SET state = 'DONE', progress = 100, file_name = :name, content = :content,
				finished_at = :at, heartbeat_at = :at WHERE id = :id AND state = 'RUNNING' AND attempts = :attempt""")
			.param("id", id)
			.param("attempt", attempt)
			.param("name", fileName)
			.param("content", content)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Gives an attempt's job up, with the message key of why. */
	boolean failed(UUID id, int attempt, String failure, Instant at) {
		return jdbc.sql("""
				UPDATE plan_export SET state = 'FAILED', failure = :failure, finished_at = :at
				WHERE id = :id AND state = 'RUNNING' AND attempts = :attempt""")
			.param("id", id)
			.param("attempt", attempt)
			.param("failure", failure)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	// ---- housekeeping ----

	/** What one recovery did. */
	record Recovery(int requeued, int failed) {
	}

	/**
	 * Takes running jobs whose heartbeat is older than {@code staleBefore} from the
	 * workers that stopped: back to the queue while they have attempts left, failed with
	 * {@code failure} once they have used {@code maxAttempts}. Runs in the caller's
	 * transaction; each update is conditional on the job's state, so a second recovery at
	 * the same time changes nothing the first one did.
	 */
	Recovery recoverStale(Instant staleBefore, int maxAttempts, String failure, Instant now) {
		int failed = jdbc.sql("""
				UPDATE plan_export SET state = 'FAILED', failure = :failure, finished_at = :now
				WHERE state = 'RUNNING' AND heartbeat_at < :stale AND attempts >= :max""")
			.param("failure", failure)
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(staleBefore))
			.param("max", maxAttempts)
			.update();
		int requeued = jdbc.sql("""
				UPDATE plan_export SET state = 'QUEUED', progress = 0, heartbeat_at = NULL
				WHERE state = 'RUNNING' AND heartbeat_at < :stale""")
			.param("stale", Timestamp.from(staleBefore))
			.update();
		return new Recovery(requeued, failed);
	}

	/**
	 * Deletes the jobs created before {@code before}.
	 */
	int deleteOlderThan(Instant before) {
		return jdbc.sql("DELETE FROM plan_export WHERE created_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static PlanExport job(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new PlanExport(rs.getObject("id", UUID.class), rs.getLong("plan_id"), rs.getString("requested_by"),
				PlanExport.Format.valueOf(rs.getString("format")), rs.getString("period"), rs.getString("locale"),
				PlanExport.State.valueOf(rs.getString("state")), rs.getInt("progress"), rs.getInt("attempts"),
				rs.getString("file_name"), rs.getString("failure"), rs.getTimestamp("created_at").toInstant(),
				finished == null ? null : finished.toInstant());
	}

}
