package vn.trean.statistics;

import vn.trean.statistics.StatisticsTable.Measure;

/**
 * The case KPIs, each a row (or a heading of rows) of the KPI table, with what its value
 * measures. Each has a label ({@code statistics.kpi.NAME}) and a definition
 * ({@code statistics.kpi.NAME.definition}) that says what its numerator and denominator
 * count, and over which period.
 */
enum Kpi {

	/** Emergency decisions started in the period and made within their 12 hours. */
	EMERGENCY_ON_TIME(Measure.PERCENT),
	/** Plans due in the period's clocks and drafted within their 5 working days. */
	PLAN_ON_TIME(Measure.PERCENT),
	/** Median hours from the report to the initial assessment. */
	ASSESSMENT_MEDIAN(Measure.HOURS),
	/** 90th percentile of the hours from the report to the initial assessment. */
	ASSESSMENT_P90(Measure.HOURS),
	/** Open cases at the period's end over the officers holding at least one. */
	CASE_LOAD(Measure.COUNT),
	/** The largest number of open cases one officer holds at the period's end. */
	CASE_LOAD_MAX(Measure.COUNT),
	/** Cases closed in the period over the cases open at any time in it. */
	CLOSURE_RATE(Measure.PERCENT),
	/** Closures of the period reopened within 183 days over the closures. */
	REOPENED_WITHIN_6_MONTHS(Measure.PERCENT),
	/** Referrals answered over referrals sent, median days to the answer, by sector. */
	REFERRAL_ANSWER(Measure.DAYS),
	/** Referrals completed over referrals sent, median days to completion, by sector. */
	REFERRAL_COMPLETION(Measure.DAYS),
	/** Legal clocks of open cases past their due time now, by step. */
	OVERDUE_NOW(Measure.COUNT);

	private final Measure measure;

	Kpi(Measure measure) {
		this.measure = measure;
	}

	Measure measure() {
		return measure;
	}

	String labelKey() {
		return "statistics.kpi." + name();
	}

	String definitionKey() {
		return labelKey() + ".definition";
	}

	/** Whether the KPI's rows are split by a part (a sector, a step) under a heading. */
	boolean split() {
		return this == REFERRAL_ANSWER || this == REFERRAL_COMPLETION || this == OVERDUE_NOW;
	}

}
