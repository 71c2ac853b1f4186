package vn.trean.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the stored versions of a case's official forms ({@code case_form}, written by
 * {@link CaseChangeStore}): the latest of a form in a cycle or in any, and the latest of
 * each that a reading of the case shows, one version, and the list of every version.
 */
@Repository
class StoredForms {

	private static final String SELECT = """
			SELECT cycle, version, data::text AS data, recorded_by, recorded_at FROM case_form
			WHERE case_id = :id AND form = :form""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	StoredForms(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The forms a reading shows: the assessments and the emergency decision of any cycle,
	 * the plan, its decision and the closing assessment of the current one.
	 */
	CaseView.Forms of(ProtectionCase c) {
		return new CaseView.Forms(latestEver(c.id(), CaseForm.INITIAL_ASSESSMENT, InitialAssessment.class).orElse(null),
				latestEver(c.id(), CaseForm.NEEDS_ASSESSMENT, NeedsAssessment.class).orElse(null),
				latest(c.id(), CaseForm.SUPPORT_PLAN, c.cycle(), SupportPlan.class).orElse(null),
				latest(c.id(), CaseForm.PLAN_DECISION, c.cycle(), PlanDecision.class).orElse(null),
				latestEver(c.id(), CaseForm.EMERGENCY_DECISION, EmergencyDecision.class).orElse(null),
				latest(c.id(), CaseForm.CLOSING_ASSESSMENT, c.cycle(), ClosingAssessment.class).orElse(null));
	}

	/** The latest version of a form in a cycle, if any. */
	<T> Optional<StoredForm<T>> latest(CaseId id, CaseForm form, int cycle, Class<T> type) {
		return jdbc.sql(SELECT + " AND cycle = :cycle ORDER BY version DESC LIMIT 1")
			.param("id", id.value())
			.param("form", form.name())
			.param("cycle", cycle)
			.query((rs, n) -> stored(rs, form, type))
			.optional();
	}

	/** The latest version of a form in any cycle, if any. */
	<T> Optional<StoredForm<T>> latestEver(CaseId id, CaseForm form, Class<T> type) {
		return jdbc.sql(SELECT + " ORDER BY cycle DESC, version DESC LIMIT 1")
			.param("id", id.value())
			.param("form", form.name())
			.query((rs, n) -> stored(rs, form, type))
			.optional();
	}

	/** One version of a form, if the case has it. */
	Optional<StoredForm<?>> version(CaseId id, CaseForm form, int cycle, int version) {
		return jdbc.sql(SELECT + " AND cycle = :cycle AND version = :version")
			.param("id", id.value())
			.param("form", form.name())
			.param("cycle", cycle)
			.param("version", version)
			.<StoredForm<?>>query((rs, n) -> stored(rs, form, typeOf(form)))
			.optional();
	}

	/** Every version of a form, newest first, without their data. */
	List<StoredForm<Void>> versions(CaseId id, CaseForm form) {
		return jdbc.sql("""
				SELECT cycle, version, recorded_by, recorded_at FROM case_form
				WHERE case_id = :id AND form = :form ORDER BY cycle DESC, version DESC""")
			.param("id", id.value())
			.param("form", form.name())
			.query((rs, n) -> new StoredForm<Void>(form, rs.getInt("cycle"), rs.getInt("version"), null,
					rs.getLong("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	private <T> StoredForm<T> stored(ResultSet rs, CaseForm form, Class<T> type) throws SQLException {
		return new StoredForm<>(form, rs.getInt("cycle"), rs.getInt("version"),
				json.readValue(rs.getString("data"), type), rs.getLong("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}

	private static Class<?> typeOf(CaseForm form) {
		return switch (form) {
			case INITIAL_ASSESSMENT -> InitialAssessment.class;
			case NEEDS_ASSESSMENT -> NeedsAssessment.class;
			case SUPPORT_PLAN -> SupportPlan.class;
			case PLAN_DECISION -> PlanDecision.class;
			case CLOSING_ASSESSMENT -> ClosingAssessment.class;
			case EMERGENCY_DECISION -> EmergencyDecision.class;
		};
	}

}
