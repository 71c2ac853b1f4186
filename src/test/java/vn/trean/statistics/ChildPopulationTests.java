package vn.trean.statistics;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.trean.geography.UnitId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule of the child population a rate per 100 children divides by: the year the
 * period ends, the unit's own figure first, else the sum of its communes only when every
 * one of them has a figure.
 */
class ChildPopulationTests {

	private static final UnitId CITY = new UnitId(1);

	private static final UnitId WARD = new UnitId(2);

	private static final UnitId VILLAGE = new UnitId(3);

	@Test
	void aPeriodSpanningTwoYearsTakesTheFiguresOfTheYearItEnds() {
		StatisticsPeriod period = StatisticsPeriod.parse("2023-07-01..2024-06-30", LocalDate.of(2026, 1, 1));

		assertThat(ChildPopulation.yearOf(period)).isEqualTo(2024);
	}

	@Test
	void theFigureEnteredForTheUnitItselfWinsOverTheSumOfItsCommunes() {
		ChildPopulation population = ChildPopulation.of(2024, CITY, Set.of(WARD, VILLAGE),
				Map.of(CITY, 1000L, WARD, 300L, VILLAGE, 200L));

		assertThat(population.children()).isEqualTo(1000L);
		assertThat(population.missing()).isEmpty();
	}

	@Test
	void withoutItsOwnFigureTheCityTakesTheSumOfItsCommunesWhenEveryOneHasAFigure() {
		ChildPopulation population = ChildPopulation.of(2024, CITY, Set.of(WARD, VILLAGE),
				Map.of(WARD, 300L, VILLAGE, 200L));

		assertThat(population.children()).isEqualTo(500L);
		assertThat(population.known()).isTrue();
	}

	@Test
	void aSumWithACommuneMissingIsNoPopulationAndNamesTheMissingCommune() {
		ChildPopulation population = ChildPopulation.of(2024, CITY, Set.of(WARD, VILLAGE), Map.of(WARD, 300L));

		assertThat(population.children()).isNull();
		assertThat(population.missing()).containsExactly(VILLAGE);
		assertThat(population.partsMissing(CITY)).isTrue();
	}

	@Test
	void aCommuneWithoutItsFigureMissesItsOwn() {
		ChildPopulation population = ChildPopulation.of(2024, WARD, Set.of(), Map.of());

		assertThat(population.known()).isFalse();
		assertThat(population.missing()).containsExactly(WARD);
		assertThat(population.partsMissing(WARD)).isFalse();
	}

}
