package vn.trean.plans;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;

/** Plans with their objectives, indicators, targets, activities and denominators. */
@Repository
class PlanRepository {

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- plans ----

	Optional<Plan> find(long id) {
		return jdbc.sql("SELECT * FROM plan WHERE id = :id").param("id", id).query(PlanRepository::plan).optional();
	}

	Optional<Plan> find(UnitId province, String number) {
		return jdbc.sql("SELECT * FROM plan WHERE province_unit_id = :province AND number = :number")
			.param("province", province.value())
			.param("number", number)
			.query(PlanRepository::plan)
			.optional();
	}

	List<Plan> all() {
		return jdbc.sql("SELECT * FROM plan ORDER BY start_year DESC, number").query(PlanRepository::plan).list();
	}

	long insert(Plan plan, Instant now) {
		return jdbc.sql("""
				INSERT INTO plan (province_unit_id, number, title, issuer, issued_on, start_year, end_year, status,
				  created_at)
				VALUES (:province, :number, :title, :issuer, :issuedOn, :startYear, :endYear, :status, :now)
				RETURNING id""")
			.param("province", plan.province().value())
			.param("number", plan.number())
			.param("title", plan.title())
			.param("issuer", plan.issuer())
			.param("issuedOn", plan.issuedOn() == null ? null : Date.valueOf(plan.issuedOn()))
			.param("startYear", plan.startYear())
			.param("endYear", plan.endYear())
			.param("status", plan.status().name())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	// ---- objectives and indicators ----

	List<Objective> objectives(long planId) {
		return jdbc.sql("SELECT * FROM plan_objective WHERE plan_id = :plan ORDER BY ordinal")
			.param("plan", planId)
			.query((rs, n) -> new Objective(rs.getLong("id"), rs.getInt("ordinal"), rs.getString("text")))
			.list();
	}

	long insertObjective(long planId, int ordinal, String text) {
		return jdbc
			.sql("INSERT INTO plan_objective (plan_id, ordinal, text) VALUES (:plan, :ordinal, :text) RETURNING id")
			.param("plan", planId)
			.param("ordinal", ordinal)
			.param("text", text)
			.query(Long.class)
			.single();
	}

	List<Indicator> indicators(long planId) {
		return jdbc.sql("SELECT * FROM plan_indicator WHERE plan_id = :plan ORDER BY ordinal")
			.param("plan", planId)
			.query(PlanRepository::indicator)
			.list();
	}

	Optional<Indicator> indicator(long planId, String code) {
		return jdbc.sql("SELECT * FROM plan_indicator WHERE plan_id = :plan AND code = :code")
			.param("plan", planId)
			.param("code", code)
			.query(PlanRepository::indicator)
			.optional();
	}

	void insert(long planId, int ordinal, Indicator i) {
		jdbc.sql("""
				INSERT INTO plan_indicator (plan_id, objective_id, code, name, unit_of_measure, definition,
				  numerator_definition, denominator_definition, denominator_kind, disaggregations, desired_direction,
				  reporting_frequency, source_kind, is_coverage, ordinal)
				VALUES (:plan, :objective, :code, :name, :measure, :definition, :numerator, :denominator, :kind,
				  :disaggregations, :direction, :frequency, :source, :coverage, :ordinal)""")
			.param("plan", planId)
			.param("objective", i.objectiveId())
			.param("code", i.code())
			.param("name", i.name())
			.param("measure", i.measure().name())
			.param("definition", i.definition())
			.param("numerator", i.numerator())
			.param("denominator", i.denominator())
			.param("kind", i.denominatorKind() == null ? null : i.denominatorKind().name())
			.param("disaggregations",
					String.join(",", i.disaggregations().stream().map(Indicator.Disaggregation::name).toList()))
			.param("direction", i.direction().name())
			.param("frequency", i.frequency() == null ? null : i.frequency().name())
			.param("source", i.source().name())
			.param("coverage", i.coverage())
			.param("ordinal", ordinal)
			.update();
	}

	// ---- targets ----

	List<Target> targets(long indicatorId) {
		return jdbc.sql("SELECT * FROM plan_target WHERE indicator_id = :indicator ORDER BY year")
			.param("indicator", indicatorId)
			.query(PlanRepository::target)
			.list();
	}

	/** Every target of every indicator of the plan, in year order. */
	List<Target> planTargets(long planId) {
		return jdbc.sql("""
				SELECT t.* FROM plan_target t JOIN plan_indicator i ON i.id = t.indicator_id
				WHERE i.plan_id = :plan ORDER BY t.year""").param("plan", planId).query(PlanRepository::target).list();
	}

	/** Each indicator's targets for one unit and year, by indicator id. */
	Map<Long, BigDecimal> targetsOf(long planId, UnitId unit, int year) {
		Map<Long, BigDecimal> result = new HashMap<>();
		jdbc.sql("""
				SELECT t.indicator_id, t.value FROM plan_target t JOIN plan_indicator i ON i.id = t.indicator_id
				WHERE i.plan_id = :plan AND t.unit_id = :unit AND t.year = :year""")
			.param("plan", planId)
			.param("unit", unit.value())
			.param("year", year)
			.query(rs -> {
				result.put(rs.getLong("indicator_id"), rs.getBigDecimal("value"));
			});
		return result;
	}

	Optional<BigDecimal> target(long indicatorId, int year, UnitId unit) {
		return jdbc
			.sql("SELECT value FROM plan_target WHERE indicator_id = :indicator AND year = :year AND unit_id = :unit")
			.param("indicator", indicatorId)
			.param("year", year)
			.param("unit", unit.value())
			.query(BigDecimal.class)
			.optional();
	}

	void saveTarget(Target target) {
		jdbc.sql(
				"""
						INSERT INTO plan_target (indicator_id, year, unit_id, value, entered_by, entered_at)
						VALUES (:indicator, :year, :unit, :value, :by, :at)
						ON CONFLICT (indicator_id, year, unit_id)
						DO UPDATE SET value = EXCLUDED.value, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at""")
			.param("indicator", target.indicatorId())
			.param("year", target.year())
			.param("unit", target.unit().value())
			.param("value", target.value())
			.param("by", target.enteredBy())
			.param("at", Timestamp.from(target.enteredAt()))
			.update();
	}

	/**
	 * Sets many targets, entered by one person at one instant, in one statement (an
	 * import); no two may name the same indicator, year and unit.
	 */
	void saveTargets(List<Target> targets, String enteredBy, Instant enteredAt) {
		if (targets.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						INSERT INTO plan_target (indicator_id, year, unit_id, value, entered_by, entered_at)
						SELECT t.indicator_id, t.year, t.unit_id, t.value, :by, :at
						FROM unnest(:indicators, :years, :units, CAST(:values AS NUMERIC(14, 2)[]))
						  AS t (indicator_id, year, unit_id, value)
						ON CONFLICT (indicator_id, year, unit_id)
						DO UPDATE SET value = EXCLUDED.value, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at""")
			.param("indicators", targets.stream().map(Target::indicatorId).toArray(Long[]::new))
			.param("years", targets.stream().map(Target::year).toArray(Integer[]::new))
			.param("units", targets.stream().map(t -> t.unit().value()).toArray(Long[]::new))
			.param("values", targets.stream().map(t -> t.value().toPlainString()).toArray(String[]::new))
			.param("by", enteredBy)
			.param("at", Timestamp.from(enteredAt))
			.update();
	}

	// ---- mapping ----

	private static Plan plan(ResultSet rs, int row) throws SQLException {
		Date issued = rs.getDate("issued_on");
		return new Plan(rs.getLong("id"), new UnitId(rs.getLong("province_unit_id")), rs.getString("number"),
				rs.getString("title"), rs.getString("issuer"), issued == null ? null : issued.toLocalDate(),
				rs.getInt("start_year"), rs.getInt("end_year"), Plan.Status.valueOf(rs.getString("status")));
	}

	private static Indicator indicator(ResultSet rs, int row) throws SQLException {
		String kind = rs.getString("denominator_kind");
		String frequency = rs.getString("reporting_frequency");
		String disaggregations = rs.getString("disaggregations");
		return new Indicator(rs.getLong("id"), rs.getLong("objective_id"), rs.getString("code"), rs.getString("name"),
				Indicator.Measure.valueOf(rs.getString("unit_of_measure")), rs.getString("definition"),
				rs.getString("numerator_definition"), rs.getString("denominator_definition"),
				kind == null ? null : DenominatorKind.valueOf(kind),
				disaggregations.isEmpty() ? List.of()
						: Arrays.stream(disaggregations.split(",")).map(Indicator.Disaggregation::valueOf).toList(),
				Indicator.Direction.valueOf(rs.getString("desired_direction")),
				frequency == null ? null : Indicator.Frequency.valueOf(frequency),
				Indicator.Source.valueOf(rs.getString("source_kind")), rs.getBoolean("is_coverage"));
	}

	private static Target target(ResultSet rs, int row) throws SQLException {
		return new Target(rs.getLong("indicator_id"), rs.getInt("year"), new UnitId(rs.getLong("unit_id")),
				rs.getBigDecimal("value"), rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant());
	}

}
