package vn.trean.plans;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import vn.trean.shared.NumberInput;
import vn.trean.shared.Verdict;

/**
 * The rules a target and a reference denominator must meet before they are stored: a
 * number as people type it in their language ({@link NumberInput}), never negative, at
 * most 100 for a coverage indicator, a whole number for counts, a year inside the plan's
 * period and a unit inside the plan's province. Each refusal names the field and the
 * message key.
 */
final class TargetPolicy {

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private TargetPolicy() {
	}

	/** A figure as allowed: the year it is set for and its value. */
	record Figure(int year, BigDecimal value) {
	}

	/**
	 * @param unitInProvince whether the chosen unit is in force and lies in the plan's
	 * province ({@code null} when no unit was chosen)
	 */
	static Verdict<Figure> target(Plan plan, Indicator indicator, Boolean unitInProvince, String year, String value) {
		return target(plan, indicator, unitInProvince, year, value, null);
	}

	/** A target as typed in a language ({@link NumberInput}). */
	static Verdict<Figure> target(Plan plan, Indicator indicator, Boolean unitInProvince, String year, String value,
			Locale locale) {
		return figure(where(plan, unitInProvince, year), () -> targetValue(indicator, value, locale));
	}

	/** The value of a target alone, wherever it is set (the import checks each cell). */
	static Verdict<BigDecimal> targetValue(Indicator indicator, String value) {
		return targetValue(indicator, value, null);
	}

	/**
	 * The value of a target with at most two decimals: a {@code 1,000} typed in
	 * Vietnamese (one, or a thousand?) has three and is refused rather than guessed.
	 */
	static Verdict<BigDecimal> targetValue(Indicator indicator, String value, Locale locale) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			return Verdict.refuse("value", "validation.required");
		}
		Optional<BigDecimal> typed = NumberInput.read(text, locale, 12, 2);
		if (typed.isEmpty()) {
			return Verdict.refuse("value", "plans.value.malformed");
		}
		BigDecimal number = typed.get();
		if (number.signum() < 0) {
			return Verdict.refuse("value", "plans.value.negative");
		}
		if (indicator.coverage() && number.compareTo(HUNDRED) > 0) {
			return Verdict.refuse("value", "plans.value.over-100");
		}
		if (indicator.measure() == Indicator.Measure.COUNT && number.stripTrailingZeros().scale() > 0) {
			return Verdict.refuse("value", "plans.value.whole-number");
		}
		return Verdict.allow(number);
	}

	/** A count of families, pupils, schools, … for a unit and year. */
	static Verdict<Figure> denominator(Plan plan, DenominatorKind kind, Boolean unitInProvince, String year,
			String value) {
		return denominator(plan, kind, unitInProvince, year, value, null);
	}

	static Verdict<Figure> denominator(Plan plan, DenominatorKind kind, Boolean unitInProvince, String year,
			String value, Locale locale) {
		if (kind == null) {
			return Verdict.refuse("kind", "validation.required");
		}
		return figure(where(plan, unitInProvince, year), () -> denominatorValue(value, locale));
	}

	/**
	 * The figure where both its place and its value are allowed, else the first refusal.
	 */
	private static Verdict<Figure> figure(Verdict<Integer> where, Supplier<Verdict<BigDecimal>> value) {
		if (!where.allowed()) {
			return Verdict.refuse(where.errors());
		}
		Verdict<BigDecimal> figure = value.get();
		return figure.allowed() ? Verdict.allow(new Figure(where.value(), figure.value()))
				: Verdict.refuse(figure.errors());
	}

	/** The value of a reference denominator alone: a whole number, never negative. */
	static Verdict<BigDecimal> denominatorValue(String value) {
		return denominatorValue(value, null);
	}

	static Verdict<BigDecimal> denominatorValue(String value, Locale locale) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			return Verdict.refuse("value", "validation.required");
		}
		Optional<BigDecimal> typed = NumberInput.read(text, locale, 12, 0);
		if (typed.isEmpty()) {
			return Verdict.refuse("value", "plans.denominator.malformed");
		}
		BigDecimal number = typed.get();
		if (number.signum() < 0) {
			return Verdict.refuse("value", "plans.value.negative");
		}
		return Verdict.allow(number);
	}

	/**
	 * Where a figure is set: a unit in force inside the plan's province and a year of the
	 * plan; allowed with the year read.
	 */
	static Verdict<Integer> where(Plan plan, Boolean unitInProvince, String year) {
		if (unitInProvince == null) {
			return Verdict.refuse("unit", "validation.required");
		}
		if (!unitInProvince) {
			return Verdict.refuse("unit", "plans.unit.outside-province");
		}
		String y = year == null ? "" : year.strip();
		if (y.isEmpty()) {
			return Verdict.refuse("year", "validation.required");
		}
		if (!YEAR.matcher(y).matches()) {
			return Verdict.refuse("year", "validation.invalid");
		}
		int number = Integer.parseInt(y);
		if (!plan.covers(number)) {
			return Verdict.refuse("year", "plans.year.outside-plan");
		}
		return Verdict.allow(number);
	}

}
