package vn.trean.plans;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.shared.AgencyId;

/**
 * The activities of plans, with the agencies carrying them out; a change is refused when
 * someone else changed the activity since its version.
 */
@Repository
class PlanActivityRepository {

	private final JdbcClient jdbc;

	PlanActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Activity> activities(long planId) {
		return jdbc.sql("SELECT * FROM plan_activity WHERE plan_id = :plan ORDER BY ordinal")
			.param("plan", planId)
			.query(this::activity)
			.list();
	}

	Optional<Activity> activity(long planId, long id) {
		return jdbc.sql("SELECT * FROM plan_activity WHERE plan_id = :plan AND id = :id")
			.param("plan", planId)
			.param("id", id)
			.query(this::activity)
			.optional();
	}

	void insert(long planId, int ordinal, String section, String title, String description) {
		jdbc.sql("""
				INSERT INTO plan_activity (plan_id, section, title, description, ordinal)
				VALUES (:plan, :section, :title, :description, :ordinal)""")
			.param("plan", planId)
			.param("section", section)
			.param("title", title)
			.param("description", description)
			.param("ordinal", ordinal)
			.update();
	}

	/** Changes an activity unless someone else changed it since {@code version}. */
	boolean update(long id, int version, AgencyId responsible, List<AgencyId> partners, LocalDate start, LocalDate end,
			String funding) {
		int changed = jdbc.sql("""
				UPDATE plan_activity SET responsible_agency_id = :responsible, period_start = :start,
				  period_end = :end, funding_source = :funding, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("responsible", responsible == null ? null : responsible.value())
			.param("start", start == null ? null : Date.valueOf(start))
			.param("end", end == null ? null : Date.valueOf(end))
			.param("funding", funding)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM plan_activity_partner WHERE activity_id = :id").param("id", id).update();
		for (AgencyId partner : partners) {
			jdbc.sql("INSERT INTO plan_activity_partner (activity_id, agency_id) VALUES (:id, :agency)")
				.param("id", id)
				.param("agency", partner.value())
				.update();
		}
		return true;
	}

	private Activity activity(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		long responsible = rs.getLong("responsible_agency_id");
		boolean noResponsible = rs.wasNull();
		Date start = rs.getDate("period_start");
		Date end = rs.getDate("period_end");
		List<AgencyId> partners = new ArrayList<>(
				jdbc.sql("SELECT agency_id FROM plan_activity_partner WHERE activity_id = :id ORDER BY agency_id")
					.param("id", id)
					.query((r, n) -> new AgencyId(r.getLong(1)))
					.list());
		return new Activity(id, rs.getLong("plan_id"), rs.getString("section"), rs.getString("title"),
				rs.getString("description"), noResponsible ? null : new AgencyId(responsible), partners,
				start == null ? null : start.toLocalDate(), end == null ? null : end.toLocalDate(),
				rs.getString("funding_source"), rs.getInt("version"), rs.getBoolean("needs_completion"));
	}

}
