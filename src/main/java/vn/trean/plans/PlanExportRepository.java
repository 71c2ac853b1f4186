package vn.trean.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.shared.JobTable;

/**
 * Export jobs and their files. Every method is its own statement, so outside a
 * transaction each progress update is committed at once and a poll on any instance sees
 * it. A worker claims a job in one statement and names its attempt in every later write,
 * so a job is produced by one worker only; those statements are the shared
 * {@link JobTable}'s, on {@code plan_export}.
 */
@Repository
class PlanExportRepository extends JobTable {

	/** The columns of a job without its file. */
	private static final String COLUMNS = "id, plan_id, requested_by, format, period, locale, state, progress, attempts,"
			+ " file_name, failure, created_at, finished_at";

	private final JdbcClient jdbc;

	PlanExportRepository(JdbcClient jdbc) {
		super(jdbc, "plan_export", COLUMNS);
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

	// ---- the worker: the shared statements of a job table, and these two ----

	Optional<PlanExport> claim(UUID id, Instant now) {
		return claim(id, now, PlanExportRepository::job);
	}

	Optional<PlanExport> claimNext(Instant now) {
		return claimNext(now, PlanExportRepository::job);
	}

	private static PlanExport job(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new PlanExport(rs.getObject("id", UUID.class), rs.getLong("plan_id"), rs.getString("requested_by"),
				PlanExport.Format.valueOf(rs.getString("format")), rs.getString("period"), rs.getString("locale"),
				vn.trean.shared.JobState.valueOf(rs.getString("state")), rs.getInt("progress"), rs.getInt("attempts"),
				rs.getString("file_name"), rs.getString("failure"), rs.getTimestamp("created_at").toInstant(),
				finished == null ? null : finished.toInstant());
	}

}
