package vn.trean.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.trean.shared.FormErrors;
import vn.trean.shared.VietnameseText;

/**
 * The rules a plan report's figures and period must meet, in one place: a period inside
 * the plan's years; whole, non-negative counts as people type them; a numerator larger
 * than its denominator only with an explanation, and then flagged; a due date a set
 * number of days after the period's end. Each refusal names the field and the message
 * key.
 */
final class PlanReportPolicy {

	/** Digits only: a "1.000" or "1,5" is refused rather than guessed at. */
	private static final Pattern WHOLE = Pattern.compile("-?\\d{1,12}");

	/** Days after a period's end a report is due when the plan does not say. */
	static final Map<ReportingPeriod.Kind, Integer> DEFAULT_DAYS = Map.of(ReportingPeriod.Kind.SIX_MONTHLY, 15,
			ReportingPeriod.Kind.YEARLY, 31);

	static final int MAX_EXPLANATION = 1000;

	private PlanReportPolicy() {
	}

	/** Allowed with what was read, or refused with the field and the reason's key. */
	record Verdict<T>(boolean allowed, String field, String reason, T value) {

		static <T> Verdict<T> allow(T value) {
			return new Verdict<>(true, null, null, value);
		}

		static <T> Verdict<T> refuse(String field, String reason) {
			return new Verdict<>(false, field, reason, null);
		}

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
		String field = "indicator-" + indicator.id();
		Verdict<Long> n = count(numerator, field + "-numerator");
		if (!n.allowed()) {
			return Verdict.refuse(n.field(), n.reason());
		}
		Verdict<Long> d = count(denominator, field + "-denominator");
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
	static List<ReportValue> values(List<Indicator> reported, Map<String, String> form, FormErrors errors) {
		List<ReportValue> values = new ArrayList<>();
		for (Indicator indicator : reported) {
			String prefix = "indicator-" + indicator.id();
			Verdict<ReportValue> verdict = value(indicator, form.get(prefix + "-numerator"),
					form.get(prefix + "-denominator"), form.get(prefix + "-explanation"));
			if (verdict.allowed()) {
				if (!verdict.value().empty()) {
					values.add(verdict.value());
				}
			}
			else {
				errors.reject(verdict.field(), verdict.reason());
			}
		}
		return values;
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
	static Verdict<Integer> days(String text, String field) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return Verdict.refuse(field, "validation.required");
		}
		if (!WHOLE.matcher(t).matches()) {
			return Verdict.refuse(field, "plan-reports.count.malformed");
		}
		long days = Long.parseLong(t);
		if (days < 0 || days > 366) {
			return Verdict.refuse(field, "plan-reports.schedule.out-of-range");
		}
		return Verdict.allow((int) days);
	}

	static LocalDate dueOn(ReportingPeriod period, int daysAfterEnd) {
		return period.end().plusDays(daysAfterEnd);
	}

	private static Verdict<Long> count(String text, String field) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return Verdict.allow(null);
		}
		if (!WHOLE.matcher(t).matches()) {
			return Verdict.refuse(field, "plan-reports.count.malformed");
		}
		long value = Long.parseLong(t);
		if (value < 0) {
			return Verdict.refuse(field, "plans.value.negative");
		}
		return Verdict.allow(value);
	}

}
