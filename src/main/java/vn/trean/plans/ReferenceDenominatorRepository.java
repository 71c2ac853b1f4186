package vn.trean.plans;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;

/**
 * The reference denominators of units by kind and year (families, pupils, schools, …),
 * which indicators divide by; shared by every plan of a province.
 */
@Repository
class ReferenceDenominatorRepository {

	private final JdbcClient jdbc;

	ReferenceDenominatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ReferenceDenominator> denominators(DenominatorKind kind, Collection<UnitId> units) {
		return jdbc.sql("""
				SELECT * FROM reference_denominator WHERE kind = :kind AND unit_id = ANY(:units)
				ORDER BY unit_id, year""")
			.param("kind", kind.name())
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.query((rs, n) -> new ReferenceDenominator(DenominatorKind.valueOf(rs.getString("kind")),
					new UnitId(rs.getLong("unit_id")), rs.getInt("year"), rs.getLong("value"),
					rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant()))
			.list();
	}

	Optional<Long> denominator(DenominatorKind kind, UnitId unit, int year) {
		return jdbc
			.sql("SELECT value FROM reference_denominator WHERE kind = :kind AND unit_id = :unit AND year = :year")
			.param("kind", kind.name())
			.param("unit", unit.value())
			.param("year", year)
			.query(Long.class)
			.optional();
	}

	void save(ReferenceDenominator d) {
		save(d, false);
	}

	/** Sets one denominator, flagged {@code demo} when the demo loader enters it. */
	void save(ReferenceDenominator d, boolean demo) {
		jdbc.sql(
				"""
						INSERT INTO reference_denominator (kind, unit_id, year, value, entered_by, entered_at, demo)
						VALUES (:kind, :unit, :year, :value, :by, :at, :demo)
						ON CONFLICT (kind, unit_id, year)
						DO UPDATE SET value = EXCLUDED.value, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at,
						  demo = EXCLUDED.demo""")
			.param("demo", demo)
			.param("kind", d.kind().name())
			.param("unit", d.unit().value())
			.param("year", d.year())
			.param("value", d.value())
			.param("by", d.enteredBy())
			.param("at", Timestamp.from(d.enteredAt()))
			.update();
	}

	/**
	 * Sets many reference denominators, entered by one person at one instant, in one
	 * statement (an import); no two may name the same kind, unit and year.
	 */
	void saveDenominators(List<ReferenceDenominator> denominators, String enteredBy, Instant enteredAt) {
		if (denominators.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						INSERT INTO reference_denominator (kind, unit_id, year, value, entered_by, entered_at)
						SELECT d.kind, d.unit_id, d.year, d.value, :by, :at
						FROM unnest(CAST(:kinds AS VARCHAR(32)[]), :units, :years, :values) AS d (kind, unit_id, year, value)
						ON CONFLICT (kind, unit_id, year)
						DO UPDATE SET value = EXCLUDED.value, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at,
						  demo = FALSE""")
			.param("kinds", denominators.stream().map(d -> d.kind().name()).toArray(String[]::new))
			.param("units", denominators.stream().map(d -> d.unit().value()).toArray(Long[]::new))
			.param("years", denominators.stream().map(ReferenceDenominator::year).toArray(Integer[]::new))
			.param("values", denominators.stream().map(ReferenceDenominator::value).toArray(Long[]::new))
			.param("by", enteredBy)
			.param("at", Timestamp.from(enteredAt))
			.update();
	}

}
