package vn.trean.plans;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;

/**
 * The reference figures the plan administrator enters per unit and year, as other modules
 * read them: the statistics divide by the child population, and link a user who may enter
 * a missing one to where it is entered.
 */
@Component
public class ReferenceFigures {

	private final JdbcClient jdbc;

	private final PlanRepository plans;

	private final ActionPlans actionPlans;

	private final Geography geography;

	ReferenceFigures(JdbcClient jdbc, PlanRepository plans, ActionPlans actionPlans, Geography geography) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.actionPlans = actionPlans;
		this.geography = geography;
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

	/** The value entered for each of the units that has one for the year. */
	public Map<UnitId, Long> values(Figure figure, Set<UnitId> units, int year) {
		Map<UnitId, Long> values = new HashMap<>();
		jdbc.sql("""
				SELECT unit_id, value FROM reference_denominator
				WHERE kind = :kind AND year = :year AND unit_id = ANY(:units)""")
			.param("kind", figure.kind.name())
			.param("year", year)
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.query((rs, n) -> values.put(new UnitId(rs.getLong("unit_id")), rs.getLong("value")))
			.list();
		return values;
	}

	/**
	 * Where the user enters the figure of a unit for a year: the child population page of
	 * a plan of the unit's province that covers the year and that the user administers,
	 * with the unit and year chosen; empty when the user administers no such plan.
	 */
	public Optional<String> entryAddress(CurrentUser me, Figure figure, UnitId unit, int year) {
		UnitId province = geography.provinceOf(unit);
		return plans.all()
			.stream()
			.filter(p -> p.province().equals(province) && p.covers(year) && actionPlans.mayManage(me, p))
			.findFirst()
			.map(p -> "/plans/" + p.id() + "/population?unit=" + unit.value() + "&year=" + year);
	}

}
