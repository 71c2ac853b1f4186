package vn.trean.statistics;

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
 * The statistics export jobs ({@code stat_export}) and their files: the request's own
 * statements here, the claim, progress, recovery and cleanup statements the shared
 * {@link JobTable}'s, as for the plans' exports.
 */
@Repository
class StatisticsExportRepository extends JobTable {

	private static final String COLUMNS = "id, requested_by, table_kind, period, unit_code, format, audience, locale,"
			+ " state, progress, attempts, file_name, failure, created_at";

	private final JdbcClient jdbc;

	StatisticsExportRepository(JdbcClient jdbc) {
		super(jdbc, "stat_export", COLUMNS);
		this.jdbc = jdbc;
	}

	void insert(StatisticsExport job) {
		jdbc.sql("""
				INSERT INTO stat_export (id, requested_by, table_kind, period, unit_code, format, audience, locale,
				  state, progress, created_at)
				VALUES (:id, :by, :table, :period, :unit, :format, :audience, :locale, 'QUEUED', 0, :at)""")
			.param("id", job.id())
			.param("by", job.requestedBy())
			.param("table", job.table().name())
			.param("period", job.period())
			.param("unit", job.unitCode())
			.param("format", job.format().name())
			.param("audience", job.audience().name())
			.param("locale", job.language())
			.param("at", Timestamp.from(job.createdAt()))
			.update();
	}

	/** The job, only when the given user asked for it. */
	Optional<StatisticsExport> find(UUID id, String requestedBy) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM stat_export WHERE id = :id AND requested_by = :by")
			.param("id", id)
			.param("by", requestedBy)
			.query(StatisticsExportRepository::job)
			.optional();
	}

	/** The file of a finished job, only for the user who asked for it. */
	Optional<byte[]> content(UUID id, String requestedBy) {
		return jdbc.sql("SELECT content FROM stat_export WHERE id = :id AND requested_by = :by AND state = 'DONE'")
			.param("id", id)
			.param("by", requestedBy)
			.query(byte[].class)
			.optional();
	}

	Optional<StatisticsExport> claim(UUID id, Instant now) {
		return claim(id, now, StatisticsExportRepository::job);
	}

	Optional<StatisticsExport> claimNext(Instant now) {
		return claimNext(now, StatisticsExportRepository::job);
	}

	static StatisticsExport job(ResultSet rs, int row) throws SQLException {
		return new StatisticsExport(rs.getObject("id", UUID.class), rs.getString("requested_by"),
				TableKind.valueOf(rs.getString("table_kind")), rs.getString("period"), rs.getString("unit_code"),
				StatisticsExport.Format.valueOf(rs.getString("format")),
				StatisticsTables.Audience.valueOf(rs.getString("audience")), rs.getString("locale"),
				vn.trean.shared.JobState.valueOf(rs.getString("state")), rs.getInt("progress"), rs.getInt("attempts"),
				rs.getString("file_name"), rs.getString("failure"), rs.getTimestamp("created_at").toInstant());
	}

}
