package vn.trean.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.trean.shared.FormErrors;
import vn.trean.shared.NumberInput;
import vn.trean.shared.Verdict;
import vn.trean.shared.VietnameseText;

/**
 * The rules a plan report's figures and period must meet, in one place: a period inside
 * the plan's years; whole, non-negative counts as people type them; a numerator larger
 * than its denominator only with an explanation, and then flagged; figures by sex that
 * fit within the total; a due date a set number of days after the period's end. Each
 * refusal names the field and the message key.
 */
final class PlanReportPolicy {

	/** Digits only: a "1.000" or "1,5" is refused rather than guessed at. */

	/** Days after a period's end a report is due when the plan does not say. */
	static final Map<ReportingPeriod.Kind, Integer> DEFAULT_DAYS = Map.of(ReportingPeriod.Kind.SIX_MONTHLY, 15,
			ReportingPeriod.Kind.YEARLY, 31);

	static final int MAX_EXPLANATION = 1000;

	private PlanReportPolicy() {
	}

	/** The period as chosen in a form or address, which must lie in the plan's years. */
	static Verdict<ReportingPeriod> period(Plan plan, String text) {
		if (text == null || text.isBlank()) {
			return Verdict.refuse("period", "validation.required");
		}
		Optional<ReportingPeriod> period = ReportingPeriod.parse(text);
		if (period.isEmpty()) {
			return Verdict.refuse("period", "validation.invalid");
		}
		if (!plan.covers(period.get().year())) {
			return Verdict.refuse("period", "plan-reports.period.outside-plan");
		}
		return Verdict.allow(period.get());
	}

	/** One indicator's figures as typed; both blank is allowed (not reported yet). */
	static Verdict<ReportValue> value(Indicator indicator, String numerator, String denominator, String explanation) {
		return value(indicator, numerator, denominator, explanation, null);
	}

	/** One indicator's figures as typed in a language ({@link NumberInput}). */
	static Verdict<ReportValue> value(Indicator indicator, String numerator, String denominator, String explanation,
			Locale locale) {
		String field = "indicator-" + indicator.id();
		Verdict<Long> n = count(numerator, field + "-numerator", locale);
		if (!n.allowed()) {
			return Verdict.refuse(n.field(), n.reason());
		}
		Verdict<Long> d = count(denominator, field + "-denominator", locale);
		if (!d.allowed()) {
			return Verdict.refuse(d.field(), d.reason());
		}
		String why = explanation == null || explanation.isBlank() ? null : VietnameseText.normalize(explanation);
		if (why != null && why.length() > MAX_EXPLANATION) {
			return Verdict.refuse(field + "-explanation", "validation.too-long");
		}
		boolean over = n.value() != null && d.value() != null && n.value() > d.value();
		if (over && why == null) {
			return Verdict.refuse(field + "-numerator", "plan-reports.numerator.over-denominator");
		}
		return Verdict
			.allow(new ReportValue(indicator.id(), ReportValue.Disaggregation.ALL, n.value(), d.value(), why, over));
	}

	/** Every figure of a report form, or the errors of those that break a rule. */
	static List<ReportValue> values(List<Indicator> reported, Map<String, String> form, Locale locale,
			FormErrors errors) {
		List<ReportValue> values = new ArrayList<>();
		for (Indicator indicator : reported) {
			values.addAll(figures(indicator, form, locale, errors));
		}
		return values;
	}

	/** The sexes an indicator broken down by sex is reported for, in the form's order. */
	static final List<ReportValue.Disaggregation> SEXES = List.of(ReportValue.Disaggregation.FEMALE,
			ReportValue.Disaggregation.MALE);

	/**
	 * One indicator's figures as typed: the total and, where the indicator is broken down
	 * by sex, the figures for women and girls and for men and boys. Each sex's counts are
	 * read like the total's (whole, not negative, a numerator over its denominator only
	 * explained and then flagged); female plus male never exceeds the total, numerator
	 * and denominator separately, and needs a total to be part of; when both sexes are
	 * given they add up to the total unless the explanation says why not (people whose
	 * sex was not recorded). Every broken rule is added to {@code errors}; the figures
	 * returned are the non-empty ones.
	 */
	static List<ReportValue> figures(Indicator indicator, Map<String, String> form, FormErrors errors) {
		return figures(indicator, form, null, errors);
	}

	static List<ReportValue> figures(Indicator indicator, Map<String, String> form, Locale locale, FormErrors errors) {
		String prefix = "indicator-" + indicator.id();
		String explanation = form.get(prefix + "-explanation");
		Verdict<ReportValue> total = value(indicator, form.get(prefix + "-numerator"),
				form.get(prefix + "-denominator"), explanation, locale);
		if (!total.allowed()) {
			errors.reject(total.field(), total.reason());
		}
		List<ReportValue> values = new ArrayList<>();
		if (total.allowed() && !total.value().empty()) {
			values.add(total.value());
		}
		if (!indicator.bySex()) {
			return values;
		}
		FiguresBySex bySex = new FiguresBySex(indicator, explanation, locale, errors);
		for (ReportValue.Disaggregation sex : SEXES) {
			bySex.read(sex, form).ifPresent(values::add);
		}
		if (total.allowed()) {
			bySex.checkAgainst(total.value());
		}
		return values;
	}

	/**
	 * The rule between a total and its parts by sex (both nullable): the parts never
	 * exceed the total, need a total to be part of, and, when both are given, add up to
	 * it unless explained.
	 */
	static Verdict<Void> sexesWithinTotal(Long total, Map<ReportValue.Disaggregation, Long> bySex, boolean explained,
			String field) {
		Long female = bySex.get(ReportValue.Disaggregation.FEMALE);
		Long male = bySex.get(ReportValue.Disaggregation.MALE);
		if (female == null && male == null) {
			return Verdict.allow(null);
		}
		if (total == null) {
			return Verdict.refuse(field, "plan-reports.sex.needs-total");
		}
		long sum = (female == null ? 0 : female) + (male == null ? 0 : male);
		if (sum > total) {
			return Verdict.refuse(field, "plan-reports.sex.over-total");
		}
		if (female != null && male != null && sum != total && !explained) {
			return Verdict.refuse(field, "plan-reports.sex.short-of-total");
		}
		return Verdict.allow(null);
	}

	/** The form field prefix of an indicator's figures for one sex. */
	static String sexField(Indicator indicator, ReportValue.Disaggregation sex) {
		return "indicator-" + indicator.id() + "-" + sex;
	}

	/**
	 * The form field prefix of the rules between the sexes and the total (the error shown
	 * under the rows by sex).
	 */
	static String sexesField(Indicator indicator) {
		return "indicator-" + indicator.id() + "-sexes";
	}

	/** The comment the province must give when it returns a report. */
	static Verdict<String> returnComment(String comment) {
		if (comment == null || comment.isBlank()) {
			return Verdict.refuse("comment", "plan-reports.comment.required");
		}
		String text = VietnameseText.normalize(comment);
		if (text.length() > MAX_EXPLANATION) {
			return Verdict.refuse("comment", "validation.too-long");
		}
		return Verdict.allow(text);
	}

	/** How many days after a period's end a plan wants its reports (0 to 366). */
	static Verdict<Integer> days(String text, String field, Locale locale) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return Verdict.refuse(field, "validation.required");
		}
		Optional<Long> typed = NumberInput.whole(t, locale, 12);
		if (typed.isEmpty()) {
			return Verdict.refuse(field, "plan-reports.count.malformed");
		}
		long days = typed.get();
		if (days < 0 || days > 366) {
			return Verdict.refuse(field, "plan-reports.schedule.out-of-range");
		}
		return Verdict.allow((int) days);
	}

	static LocalDate dueOn(ReportingPeriod period, int daysAfterEnd) {
		return period.end().plusDays(daysAfterEnd);
	}

	/** A count as typed: blank, or whole and not negative. */
	static Verdict<Long> count(String text, String field) {
		return count(text, field, null);
	}

	/**
	 * A count as typed in a language ({@link NumberInput}): blank, or whole and not
	 * negative.
	 */
	static Verdict<Long> count(String text, String field, Locale locale) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return Verdict.allow(null);
		}
		Optional<Long> typed = NumberInput.whole(t, locale, 12);
		if (typed.isEmpty()) {
			return Verdict.refuse(field, "plan-reports.count.malformed");
		}
		long value = typed.get();
		if (value < 0) {
			return Verdict.refuse(field, "plans.value.negative");
		}
		return Verdict.allow(value);
	}

}
