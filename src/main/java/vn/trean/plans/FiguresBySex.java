package vn.trean.plans;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.trean.shared.FormErrors;
import vn.trean.shared.Verdict;
import vn.trean.shared.VietnameseText;

/**
 * One indicator's figures by sex as {@link PlanReportPolicy#figures} reads them: each
 * sex's counts read like the total's, kept so that their sum can then be held against the
 * total ({@link PlanReportPolicy#sexesWithinTotal}); every broken rule goes to the form's
 * errors.
 */
final class FiguresBySex {

	private final Indicator indicator;

	private final String explanation;

	private final boolean explained;

	private final FormErrors errors;

	private final Map<ReportValue.Disaggregation, Long> numerators = new EnumMap<>(ReportValue.Disaggregation.class);

	private final Map<ReportValue.Disaggregation, Long> denominators = new EnumMap<>(ReportValue.Disaggregation.class);

	/** Whether every count by sex read so far could be read. */
	private boolean readable = true;

	private final Locale locale;

	FiguresBySex(Indicator indicator, String explanation, Locale locale, FormErrors errors) {
		this.indicator = indicator;
		this.locale = locale;
		this.explanation = explanation;
		this.explained = explanation != null && !explanation.isBlank();
		this.errors = errors;
	}

	/** One sex's figures as typed, when given and allowed. */
	Optional<ReportValue> read(ReportValue.Disaggregation sex, Map<String, String> form) {
		String field = PlanReportPolicy.sexField(indicator, sex);
		Verdict<Long> n = PlanReportPolicy.count(form.get(field + "-numerator"), field + "-numerator", locale);
		Verdict<Long> d = indicator.hasDenominator()
				? PlanReportPolicy.count(form.get(field + "-denominator"), field + "-denominator", locale)
				: Verdict.allow(null);
		for (Verdict<Long> v : List.of(n, d)) {
			if (!v.allowed()) {
				errors.reject(v.field(), v.reason());
				readable = false;
			}
		}
		if (!n.allowed() || !d.allowed()) {
			return Optional.empty();
		}
		numerators.put(sex, n.value());
		denominators.put(sex, d.value());
		boolean over = n.value() != null && d.value() != null && n.value() > d.value();
		if (over && !explained) {
			errors.reject(field + "-numerator", "plan-reports.numerator.over-denominator");
			readable = false;
			return Optional.empty();
		}
		if (n.value() == null && d.value() == null) {
			return Optional.empty();
		}
		return Optional.of(new ReportValue(indicator.id(), sex, n.value(), d.value(),
				over ? VietnameseText.normalize(explanation) : null, over));
	}

	/**
	 * Holds the counts read against the indicator's total, numerators and denominators
	 * separately; nothing to hold when a count by sex could not be read.
	 */
	void checkAgainst(ReportValue total) {
		if (!readable) {
			return;
		}
		String field = PlanReportPolicy.sexesField(indicator);
		List<Verdict<Void>> rules = List.of(
				PlanReportPolicy.sexesWithinTotal(total.numerator(), numerators, explained, field + "-numerator"),
				PlanReportPolicy.sexesWithinTotal(total.denominator(), denominators, explained,
						field + "-denominator"));
		rules.stream().filter(v -> !v.allowed()).forEach(v -> errors.reject(v.field(), v.reason()));
	}

}
