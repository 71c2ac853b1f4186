package vn.trean.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The requests for more information on reports, with their answers. */
@Repository
class InformationRequestStore {

	private static final String COLUMNS = """
			SELECT id, report_id, asked_by, asked_by_name, asked_at, question, answered_by, answered_by_name,
			  answered_at, answer FROM report_information_request""";

	private final JdbcClient jdbc;

	InformationRequestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new open request; false when the report already has one open. */
	boolean insert(InformationRequest request) {
		try {
			jdbc.sql("""
					INSERT INTO report_information_request (id, report_id, asked_by, asked_by_name, asked_at, question)
					VALUES (:id, :report, :by, :name, :at, :question)""")
				.param("id", request.id())
				.param("report", request.reportId().value())
				.param("by", request.askedBy())
				.param("name", request.askedByName())
				.param("at", Timestamp.from(request.askedAt()))
				.param("question", request.question())
				.update();
			return true;
		}
		catch (DuplicateKeyException open) {
			return false;
		}
	}

	/** Answers a request still open; false when it was answered already. */
	boolean answer(UUID id, long by, String name, Instant at, String answer) {
		return jdbc.sql("""
				UPDATE report_information_request
				SET answered_by = :by, answered_by_name = :name, answered_at = :at, answer = :answer
				WHERE id = :id AND answered_at IS NULL""")
			.param("id", id)
			.param("by", by)
			.param("name", name)
			.param("at", Timestamp.from(at))
			.param("answer", answer)
			.update() == 1;
	}

	/** The asking officer has seen the answers to their requests on this report. */
	void markAnswersSeen(ReportId report, long asker, Instant at) {
		jdbc.sql("""
				UPDATE report_information_request SET answer_seen_at = :at
				WHERE report_id = :report AND asked_by = :asker AND answered_at IS NOT NULL
				  AND answer_seen_at IS NULL""")
			.param("report", report.value())
			.param("asker", asker)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Whether the verification of the report is over (or, reopened, begun again). */
	void markVerificationSettled(ReportId report, boolean settled) {
		jdbc.sql("UPDATE report SET verification_settled = :settled WHERE id = :id")
			.param("settled", settled)
			.param("id", report.value())
			.update();
	}

	boolean verificationSettled(ReportId report) {
		return jdbc.sql("SELECT verification_settled FROM report WHERE id = :id")
			.param("id", report.value())
			.query(Boolean.class)
			.single();
	}

	Optional<InformationRequest> find(UUID id) {
		return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(InformationRequestStore::row).optional();
	}

	/** A report's requests, oldest first. */
	List<InformationRequest> ofReport(ReportId report) {
		return jdbc.sql(COLUMNS + " WHERE report_id = :report ORDER BY asked_at, id")
			.param("report", report.value())
			.query(InformationRequestStore::row)
			.list();
	}

	private static InformationRequest row(ResultSet rs, int n) throws SQLException {
		Timestamp answered = rs.getTimestamp("answered_at");
		long answeredBy = rs.getLong("answered_by");
		return new InformationRequest(rs.getObject("id", UUID.class),
				new ReportId(rs.getObject("report_id", UUID.class)), rs.getLong("asked_by"),
				rs.getString("asked_by_name"), rs.getTimestamp("asked_at").toInstant(), rs.getString("question"),
				rs.wasNull() ? null : answeredBy, rs.getString("answered_by_name"),
				answered == null ? null : answered.toInstant(), rs.getString("answer"));
	}

}
