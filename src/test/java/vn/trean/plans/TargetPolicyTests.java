package vn.trean.plans;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import vn.trean.geography.UnitId;
import vn.trean.shared.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules for targets and reference denominators, without Spring. */
class TargetPolicyTests {

	private static final Plan PLAN = new Plan(1, new UnitId(92), "55/KH-UBND", "Kế hoạch", "UBND", null, 2020, 2025,
			Plan.Status.ACTIVE);

	private static final Indicator COVERAGE = indicator(Indicator.Measure.PERCENT, true);

	private static final Indicator COUNT = indicator(Indicator.Measure.COUNT, false);

	@Test
	void acceptsAHundredPercentInThePlansLastYear() {
		Verdict<TargetPolicy.Figure> verdict = TargetPolicy.target(PLAN, COVERAGE, true, "2025", "100");

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value().year()).isEqualTo(2025);
		assertThat(verdict.value().value()).isEqualByComparingTo("100");
	}

	@Test
	void readsADecimalCommaAsVietnameseUsersTypeIt() {
		assertThat(TargetPolicy.target(PLAN, COVERAGE, true, "2024", " 95,5 ").value().value())
			.isEqualByComparingTo("95.5");
		assertThat(TargetPolicy.target(PLAN, COVERAGE, true, "2024", "95.25").value().value())
			.isEqualByComparingTo("95.25");
	}

	@Test
	void readsATargetTypedWithTheGroupingOfTheUsersLanguage() {
		Locale vi = Locale.forLanguageTag("vi");

		assertThat(TargetPolicy.target(PLAN, COUNT, true, "2024", "1.200", vi).value().value())
			.isEqualByComparingTo("1200");
		assertThat(TargetPolicy.target(PLAN, COVERAGE, true, "2024", "12,5", vi).value().value())
			.isEqualByComparingTo("12.5");
		assertThat(TargetPolicy.target(PLAN, COUNT, true, "2024", "1,200", Locale.ENGLISH).value().value())
			.isEqualByComparingTo("1200");
		assertThat(TargetPolicy.target(PLAN, COUNT, true, "2024", "1,200", vi).reason())
			.isEqualTo("plans.value.malformed");
		assertThat(
				TargetPolicy.denominator(PLAN, DenominatorKind.values()[0], true, "2024", "12.500", vi).value().value())
			.isEqualByComparingTo("12500");
		assertThat(TargetPolicy.denominator(PLAN, DenominatorKind.values()[0], true, "2024", "12,5", vi).reason())
			.isEqualTo("plans.denominator.malformed");
	}

	@Test
	void refusesMoreThanAHundredPercentForACoverageIndicator() {
		assertRefused(TargetPolicy.target(PLAN, COVERAGE, true, "2025", "100,5"), "value", "plans.value.over-100");
	}

	@Test
	void acceptsMoreThanAHundredForACount() {
		assertThat(TargetPolicy.target(PLAN, COUNT, true, "2025", "250").allowed()).isTrue();
	}

	@Test
	void refusesAFractionForACount() {
		assertRefused(TargetPolicy.target(PLAN, COUNT, true, "2025", "2,5"), "value", "plans.value.whole-number");
	}

	@Test
	void refusesANegativeTarget() {
		assertRefused(TargetPolicy.target(PLAN, COVERAGE, true, "2025", "-1"), "value", "plans.value.negative");
	}

	@Test
	void refusesMalformedNumbers() {
		for (String text : List.of("abc", "9x", "1.000", "1,2,3", "95 %", "1e3", "--5", "12345678901234")) {
			assertRefused(TargetPolicy.target(PLAN, COVERAGE, true, "2025", text), "value", "plans.value.malformed");
		}
	}

	@Test
	void refusesABlankValue() {
		assertRefused(TargetPolicy.target(PLAN, COVERAGE, true, "2025", "  "), "value", "validation.required");
	}

	@Test
	void refusesAYearOutsideThePlansPeriod() {
		assertRefused(TargetPolicy.target(PLAN, COVERAGE, true, "2019", "50"), "year", "plans.year.outside-plan");
		assertRefused(TargetPolicy.target(PLAN, COVERAGE, true, "2026", "50"), "year", "plans.year.outside-plan");
		assertRefused(TargetPolicy.target(PLAN, COVERAGE, true, "20x5", "50"), "year", "validation.invalid");
	}

	@Test
	void refusesAUnitOutsideThePlansProvince() {
		assertRefused(TargetPolicy.target(PLAN, COVERAGE, false, "2025", "50"), "unit", "plans.unit.outside-province");
		assertRefused(TargetPolicy.target(PLAN, COVERAGE, null, "2025", "50"), "unit", "validation.required");
	}

	@Test
	void acceptsAWholeDenominator() {
		Verdict<TargetPolicy.Figure> verdict = TargetPolicy.denominator(PLAN, DenominatorKind.PUPILS, true, "2024",
				"12500");

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value().value()).isEqualByComparingTo("12500");
	}

	@Test
	void refusesANegativeDenominator() {
		assertRefused(TargetPolicy.denominator(PLAN, DenominatorKind.PUPILS, true, "2024", "-3"), "value",
				"plans.value.negative");
	}

	@Test
	void refusesADenominatorWithSeparatorsOrDecimals() {
		for (String text : List.of("12.500", "12,5", "12 500", "many")) {
			assertRefused(TargetPolicy.denominator(PLAN, DenominatorKind.PUPILS, true, "2024", text), "value",
					"plans.denominator.malformed");
		}
	}

	@Test
	void refusesADenominatorOfNoKindOrOutsideTheProvinceOrPeriod() {
		assertRefused(TargetPolicy.denominator(PLAN, null, true, "2024", "5"), "kind", "validation.required");
		assertRefused(TargetPolicy.denominator(PLAN, DenominatorKind.SCHOOLS, false, "2024", "5"), "unit",
				"plans.unit.outside-province");
		assertRefused(TargetPolicy.denominator(PLAN, DenominatorKind.SCHOOLS, true, "2030", "5"), "year",
				"plans.year.outside-plan");
	}

	private static void assertRefused(Verdict<?> verdict, String field, String reason) {
		assertThat(verdict.allowed()).as("allowed").isFalse();
		assertThat(verdict.field()).isEqualTo(field);
		assertThat(verdict.reason()).isEqualTo(reason);
		assertThat(verdict.value()).isNull();
	}

	private static Indicator indicator(Indicator.Measure measure, boolean coverage) {
		return new Indicator(1, 1, "1.1", "Tỷ lệ", measure, null, coverage ? "tử số" : null, coverage ? "mẫu số" : null,
				null, List.of(), Indicator.Direction.INCREASE, null, Indicator.Source.REPORTED, coverage);
	}

}
