package vn.trean.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trean.geography.UnitId;

import static org.assertj.core.api.Assertions.assertThat;

/** How progress is computed from approved figures, without Spring. */
class ProgressTests {

	private static final Indicator FAMILIES = new Indicator(7, 1, "1.1", "Tỷ lệ", Indicator.Measure.PERCENT, null,
			"tử số", "mẫu số", DenominatorKind.FAMILIES_WITH_CHILDREN, List.of(), Indicator.Direction.INCREASE, null,
			Indicator.Source.REPORTED, true);

	@Test
	void cityTotalSumsNumeratorsAndDenominatorsInsteadOfAveragingPercentages() {
		// a small commune at 100 % and a large one at 10 %
		List<Progress.Figure> figures = List.of(figure(1, 40L, 40L), figure(2, 400L, 4000L));

		Progress.Cell city = Progress.of(FAMILIES, figures, new BigDecimal("100"));

		assertThat(city.numerator()).isEqualTo(440);
		assertThat(city.denominator()).isEqualTo(4040);
		assertThat(city.value()).isEqualByComparingTo("10.9");
		BigDecimal averageOfPercentages = new BigDecimal("100").add(new BigDecimal("10"))
			.divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
		assertThat(averageOfPercentages).isEqualByComparingTo("55.0");
		assertThat(city.value()).isNotEqualByComparingTo(averageOfPercentages);
		assertThat(city.level()).isEqualTo(Progress.Level.BEHIND);
	}

	@Test
	void classifiesAgainstTheTarget() {
		assertThat(Progress.of(FAMILIES, List.of(figure(1, 95L, 100L)), new BigDecimal("95")).level())
			.isEqualTo(Progress.Level.MET);
		assertThat(Progress.of(FAMILIES, List.of(figure(1, 80L, 100L)), new BigDecimal("95")).level())
			.isEqualTo(Progress.Level.ON_TRACK);
		assertThat(Progress.of(FAMILIES, List.of(figure(1, 50L, 100L)), new BigDecimal("95")).level())
			.isEqualTo(Progress.Level.BEHIND);
		assertThat(Progress.of(FAMILIES, List.of(figure(1, 50L, 100L)), null).level())
			.isEqualTo(Progress.Level.NO_TARGET);
	}

	@Test
	void noFiguresOrAZeroDenominatorMeanNoData() {
		assertThat(Progress.of(FAMILIES, List.of(), new BigDecimal("100")).level()).isEqualTo(Progress.Level.NO_DATA);
		assertThat(Progress.of(FAMILIES, List.of(figure(1, 0L, 0L)), new BigDecimal("100")).value()).isNull();
		assertThat(Progress.of(FAMILIES, List.of(figure(1, 5L, null)), null).figures()).isZero();
	}

	@Test
	void registerCountsGiveAValueUnlessACoverageHasNothingToDivideBy() {
		Indicator workforce = register("2.1", DenominatorKind.WORKFORCE, Indicator.Measure.PERCENT, true);
		Indicator rooms = register("5.2", null, Indicator.Measure.COUNT, false);

		assertThat(Progress.counted(workforce, 2, 3, new BigDecimal("60")).value()).isEqualByComparingTo("66.7");
		assertThat(Progress.counted(workforce, 2, 3, new BigDecimal("60")).level()).isEqualTo(Progress.Level.MET);
		assertThat(Progress.counted(workforce, 0, 0, new BigDecimal("100")).level()).isEqualTo(Progress.Level.NO_DATA);
		assertThat(Progress.counted(rooms, 0, 0, null).value()).isEqualByComparingTo("0");
		assertThat(Progress.counted(rooms, 0, 0, null).level()).isEqualTo(Progress.Level.NO_TARGET);
	}

	@Test
	void onlyTheRegisterIndicatorsOfThePlanMappingAreMeasured() {
		assertThat(RegisterMeasure.of(register("2.1", DenominatorKind.WORKFORCE, Indicator.Measure.PERCENT, true)))
			.contains(RegisterMeasure.WORKFORCE_TRAINED);
		assertThat(RegisterMeasure.of(register("5.2", null, Indicator.Measure.COUNT, false)))
			.contains(RegisterMeasure.CHILD_FRIENDLY_INTERVIEW_ROOMS);
		// 3.2 is counted from the cases and referrals; a 3.3 nothing counts has no
		// measure, and a 2.1 dividing by something else is not Plan 55's 2.1
		assertThat(RegisterMeasure.of(register("3.2", null, Indicator.Measure.PERCENT, true)))
			.contains(RegisterMeasure.SCHOOL_CASES_SUPPORTED);
		assertThat(RegisterMeasure.of(register("3.2", null, Indicator.Measure.COUNT, false))).isEmpty();
		assertThat(RegisterMeasure.of(register("3.3", null, Indicator.Measure.PERCENT, true))).isEmpty();
		assertThat(RegisterMeasure.of(register("2.1", DenominatorKind.SCHOOLS, Indicator.Measure.PERCENT, true)))
			.isEmpty();
		assertThat(RegisterMeasure.of(FAMILIES)).isEmpty();
	}

	private static Indicator register(String code, DenominatorKind kind, Indicator.Measure measure, boolean coverage) {
		return new Indicator(8, 1, code, "Chỉ tiêu", measure, null, null, null, kind, List.of(),
				Indicator.Direction.INCREASE, null, Indicator.Source.REGISTER, coverage);
	}

	private static Progress.Figure figure(long unit, Long numerator, Long denominator) {
		return new Progress.Figure(unit, new UnitId(unit), 1, numerator, denominator, false, null);
	}

}
