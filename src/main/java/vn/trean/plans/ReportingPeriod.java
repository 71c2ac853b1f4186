package vn.trean.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period a plan report covers: the first or second half of a year, or the whole year
 * (Circular 13/2021: 6-monthly and yearly). Written {@code 2025-H1}, {@code 2025-H2} or
 * {@code 2025} in addresses and forms.
 */
record ReportingPeriod(Kind kind, int year, Integer half) {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-H([12]))?");

	enum Kind {

		SIX_MONTHLY, YEARLY

	}

	ReportingPeriod {
		if (kind == Kind.SIX_MONTHLY ? half == null || half < 1 || half > 2 : half != null) {
			throw new IllegalArgumentException("half " + half + " for " + kind);
		}
	}

	/**
	 * The period a page shows: the one asked for (one the plan has no report for names
	 * nothing, 404), or the latest one that has ended (the plan's first while none has).
	 */
	static ReportingPeriod chosen(Plan plan, String text, LocalDate today) {
		if (text != null && !text.isBlank()) {
			vn.trean.shared.Verdict<ReportingPeriod> period = PlanReportPolicy.period(plan, text);
			if (!period.allowed()) {
				throw new UnknownPlan("period " + text + " of the plan");
			}
			return period.value();
		}
		List<ReportingPeriod> periods = ReportingPeriod.of(plan);
		return periods.stream()
			.filter(p -> p.end().isBefore(today))
			.findFirst()
			.orElse(periods.get(periods.size() - 1));
	}

	/** The period written as {@link #code()}, or empty when it is not one. */
	static Optional<ReportingPeriod> parse(String text) {
		Matcher m = TEXT.matcher(text == null ? "" : text.strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		int year = Integer.parseInt(m.group(1));
		return Optional.of(m.group(2) == null ? new ReportingPeriod(Kind.YEARLY, year, null)
				: new ReportingPeriod(Kind.SIX_MONTHLY, year, Integer.parseInt(m.group(2))));
	}

	/** Every period of the plan's years, newest first. */
	static List<ReportingPeriod> of(Plan plan) {
		List<ReportingPeriod> all = new ArrayList<>();
		for (int y = plan.endYear(); y >= plan.startYear(); y--) {
			all.add(new ReportingPeriod(Kind.YEARLY, y, null));
			all.add(new ReportingPeriod(Kind.SIX_MONTHLY, y, 2));
			all.add(new ReportingPeriod(Kind.SIX_MONTHLY, y, 1));
		}
		return all;
	}

	/** The first day the period covers. */
	public LocalDate start() {
		return kind == Kind.SIX_MONTHLY && half == 2 ? LocalDate.of(year, 7, 1) : LocalDate.of(year, 1, 1);
	}

	/** The last day the period covers. */
	public LocalDate end() {
		return kind == Kind.SIX_MONTHLY && half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
	}

	public String code() {
		return kind == Kind.YEARLY ? Integer.toString(year) : year + "-H" + half;
	}

	/** The message key naming the period; its argument is the year. */
	public String labelKey() {
		return kind == Kind.YEARLY ? "plan-reports.period.YEARLY" : "plan-reports.period.H" + half;
	}

	public String yearText() {
		return Integer.toString(year);
	}

}
