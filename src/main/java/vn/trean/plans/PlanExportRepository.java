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
 * it.
 */
@Repository
class PlanExportRepository {

	/** The columns of a job without its file. */
	private static final String COLUMNS = "id, plan_id, requested_by, format, period, state, progress, file_name,"
			+ " created_at, finished_at";

	private final JdbcClient jdbc;

	PlanExportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(PlanExport job) {
		jdbc.sql("""
				INSERT INTO plan_export (id, plan_id, requested_by, format, period, state, progress, created_at)
				VALUES (:id, :plan, :by, :format, :period, :state, 0, :at)""")
			.param("id", job.id())
			.param("plan", job.planId())
			.param("by", job.requestedBy())
			.param("format", job.format().name())
			.param("period", job.period())
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

	void progress(UUID id, PlanExport.State state, int percent) {
		jdbc.sql("UPDATE plan_export SET state = :state, progress = :progress WHERE id = :id")
			.param("id", id)
			.param("state", state.name())
			.param("progress", Math.max(0, Math.min(100, percent)))
			.update();
	}

	void done(UUID id, String fileName, byte[] content, Instant at) {
		jdbc.sql("""
				UPDATE plan_export SET state = 'DONE', progress = 100, file_name = :name, content = :content,
				finished_at = :at WHERE id = :id""")
			.param("id", id)
			.param("name", fileName)
			.param("content", content)
			.param("at", Timestamp.from(at))
			.update();
	}

	void failed(UUID id, Instant at) {
		jdbc.sql("UPDATE plan_export SET state = 'FAILED', finished_at = :at WHERE id = :id")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Deletes the jobs created before {@code before}; a job still unfinished by then was
	 * lost with its instance. One instance at a time (advisory lock for the transaction).
	 */
	int deleteOlderThan(Instant before) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('plan_export_cleanup'))").query().singleValue();
		return jdbc.sql("DELETE FROM plan_export WHERE created_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static PlanExport job(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new PlanExport(rs.getObject("id", UUID.class), rs.getLong("plan_id"), rs.getString("requested_by"),
				PlanExport.Format.valueOf(rs.getString("format")), rs.getString("period"),
				PlanExport.State.valueOf(rs.getString("state")), rs.getInt("progress"), rs.getString("file_name"),
				rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
	}

}
