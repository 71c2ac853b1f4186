package vn.trean.plans;

import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.geography.UnitId;

/**
 * The reference figures the plan administrator enters per unit and year, as other modules
 * read them: the statistics divide by the child population.
 */
@Component
public class ReferenceFigures {

	private final JdbcClient jdbc;

	ReferenceFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures other modules may read. */
	public enum Figure {

		/** Children living in the unit. */
		CHILDREN(DenominatorKind.CHILDREN);

		private final DenominatorKind kind;

		Figure(DenominatorKind kind) {
			this.kind = kind;
		}

	}

	/**
	 * The sum of the values entered for the units and the year, or empty when none of
	 * them has one.
	 */
	public Optional<Long> total(Figure figure, Set<UnitId> units, int year) {
		Long total = jdbc.sql("""
				SELECT sum(value) FROM reference_denominator
				WHERE kind = :kind AND year = :year AND unit_id = ANY(:units)""")
			.param("kind", figure.kind.name())
			.param("year", year)
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.query(Long.class)
			.optional()
			.orElse(null);
		return Optional.ofNullable(total);
	}

}
