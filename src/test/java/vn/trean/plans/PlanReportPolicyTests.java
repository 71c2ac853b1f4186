package vn.trean.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.trean.geography.UnitId;
import vn.trean.shared.FormErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a plan report's period and figures, and its workflow, without Spring. */
class PlanReportPolicyTests {

	private static final Plan PLAN = new Plan(1, new UnitId(92), "55/KH-UBND", "Kế hoạch", "UBND", null, 2020, 2025,
			Plan.Status.ACTIVE);

	private static final Indicator FAMILIES = new Indicator(7, 1, "1.1", "Tỷ lệ", Indicator.Measure.PERCENT, null,
			"tử số", "mẫu số", DenominatorKind.FAMILIES_WITH_CHILDREN, List.of(), Indicator.Direction.INCREASE, null,
			Indicator.Source.REPORTED, true);

	private static final Indicator PUPILS = new Indicator(8, 1, "1.2", "Tỷ lệ học sinh", Indicator.Measure.PERCENT,
			null, "tử số", "mẫu số", DenominatorKind.PUPILS,
			List.of(Indicator.Disaggregation.SEX, Indicator.Disaggregation.AGE_GROUP), Indicator.Direction.INCREASE,
			null, Indicator.Source.REPORTED, true);

	@Test
	void acceptsAPeriodInsideThePlan() {
		var verdict = PlanReportPolicy.period(PLAN, "2025-H1");

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value()).isEqualTo(new ReportingPeriod(ReportingPeriod.Kind.SIX_MONTHLY, 2025, 1));
		assertThat(verdict.value().end()).isEqualTo(LocalDate.of(2025, 6, 30));
	}

	@Test
	void refusesAPeriodOutsideThePlanOrMalformed() {
		assertThat(PlanReportPolicy.period(PLAN, "2026-H1").reason()).isEqualTo("plan-reports.period.outside-plan");
		assertThat(PlanReportPolicy.period(PLAN, "2019").reason()).isEqualTo("plan-reports.period.outside-plan");
		assertThat(PlanReportPolicy.period(PLAN, "2025-H3").reason()).isEqualTo("validation.invalid");
	}

	@Test
	void readsCountsTypedWithTheGroupingOfTheUsersLanguage() {
		Locale vi = Locale.forLanguageTag("vi");

		var typed = PlanReportPolicy.value(FAMILIES, "1.200", "2.500", null, vi).value();
		assertThat(typed.numerator()).isEqualTo(1200L);
		assertThat(typed.denominator()).isEqualTo(2500L);
		assertThat(PlanReportPolicy.value(FAMILIES, "1,200", "2,500", null, Locale.ENGLISH).value().numerator())
			.isEqualTo(1200L);
		assertThat(PlanReportPolicy.value(FAMILIES, "1,200", "2500", null, vi).reason())
			.isEqualTo("plan-reports.count.malformed");
	}

	@Test
	void refusesNegativeAndMalformedCounts() {
		assertThat(PlanReportPolicy.value(FAMILIES, "-1", "10", null).reason()).isEqualTo("plans.value.negative");
		assertThat(PlanReportPolicy.value(FAMILIES, "1.000", "10", null).reason())
			.isEqualTo("plan-reports.count.malformed");
		assertThat(PlanReportPolicy.value(FAMILIES, "5", "1,5", null).field()).isEqualTo("indicator-7-denominator");
	}

	@Test
	void refusesANumeratorOverItsDenominatorWithoutExplanation() {
		var refused = PlanReportPolicy.value(FAMILIES, "12", "10", "  ");

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.reason()).isEqualTo("plan-reports.numerator.over-denominator");
	}

	@Test
	void flagsANumeratorOverItsDenominatorWhenExplained() {
		var verdict = PlanReportPolicy.value(FAMILIES, "12", "10", "Gia đình chuyển đến sau khi lập danh sách");

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value().flagged()).isTrue();
		assertThat(PlanReportPolicy.value(FAMILIES, "10", "10", null).value().flagged()).isFalse();
	}

	@Test
	void collectsEveryErrorOfAForm() {
		FormErrors errors = new FormErrors();

		List<ReportValue> values = PlanReportPolicy.values(List.of(FAMILIES),
				Map.of("indicator-7-numerator", "x", "indicator-7-denominator", "-2"), null, errors);

		assertThat(values).isEmpty();
		assertThat(errors.get("indicator-7-numerator")).isEqualTo("plan-reports.count.malformed");
	}

	// ---- figures by sex ----

	@Test
	void readsTheFiguresOfEachSexUnderTheTotal() {
		FormErrors errors = new FormErrors();

		List<ReportValue> values = PlanReportPolicy.figures(PUPILS, pupils("100", "200", "60", "110", "40", "90", null),
				errors);

		assertThat(errors.hasErrors()).as(errors.asMap().toString()).isFalse();
		assertThat(values).containsExactly(new ReportValue(8, ReportValue.Disaggregation.ALL, 100L, 200L, null, false),
				new ReportValue(8, ReportValue.Disaggregation.FEMALE, 60L, 110L, null, false),
				new ReportValue(8, ReportValue.Disaggregation.MALE, 40L, 90L, null, false));
	}

	@Test
	void ignoresSexFieldsOfAnIndicatorNotBrokenDownBySex() {
		FormErrors errors = new FormErrors();

		List<ReportValue> values = PlanReportPolicy.figures(FAMILIES, Map.of("indicator-7-numerator", "5",
				"indicator-7-denominator", "9", "indicator-7-FEMALE-numerator", "-3"), errors);

		assertThat(errors.hasErrors()).isFalse();
		assertThat(values).extracting(ReportValue::disaggregation).containsExactly(ReportValue.Disaggregation.ALL);
	}

	@Test
	void refusesFemaleAndMaleAboveTheTotalNumeratorAndDenominatorSeparately() {
		FormErrors numerator = new FormErrors();
		PlanReportPolicy.figures(PUPILS, pupils("100", "200", "60", "110", "50", "90", "chưa rõ"), numerator);
		assertThat(numerator.asMap())
			.containsExactly(Map.entry("indicator-8-sexes-numerator", "plan-reports.sex.over-total"));

		FormErrors denominator = new FormErrors();
		PlanReportPolicy.figures(PUPILS, pupils("100", "200", "60", "110", "40", "91", "chưa rõ"), denominator);
		assertThat(denominator.asMap())
			.containsExactly(Map.entry("indicator-8-sexes-denominator", "plan-reports.sex.over-total"));

		// one sex alone above the total is above it too, explained or not
		FormErrors alone = new FormErrors();
		PlanReportPolicy.figures(PUPILS, pupils("100", "200", "101", "", "", "", "giải thích"), alone);
		assertThat(alone.get("indicator-8-sexes-numerator")).isEqualTo("plan-reports.sex.over-total");
	}

	@Test
	void bothSexesMustAddUpToTheTotalUnlessExplained() {
		FormErrors unexplained = new FormErrors();
		PlanReportPolicy.figures(PUPILS, pupils("100", "200", "60", "110", "30", "90", " "), unexplained);
		assertThat(unexplained.asMap())
			.containsExactly(Map.entry("indicator-8-sexes-numerator", "plan-reports.sex.short-of-total"));

		FormErrors explained = new FormErrors();
		List<ReportValue> values = PlanReportPolicy.figures(PUPILS,
				pupils("100", "200", "60", "110", "30", "90", "10 học sinh chưa rõ giới tính"), explained);
		assertThat(explained.hasErrors()).isFalse();
		assertThat(values).hasSize(3);
		assertThat(values.get(0).explanation()).isEqualTo("10 học sinh chưa rõ giới tính");

		// one sex alone, below the total, needs no explanation
		FormErrors one = new FormErrors();
		assertThat(PlanReportPolicy.figures(PUPILS, pupils("100", "200", "60", "", "", "", null), one))
			.extracting(ReportValue::disaggregation)
			.containsExactly(ReportValue.Disaggregation.ALL, ReportValue.Disaggregation.FEMALE);
		assertThat(one.hasErrors()).isFalse();
	}

	@Test
	void refusesFiguresBySexWithoutATotal() {
		FormErrors errors = new FormErrors();

		PlanReportPolicy.figures(PUPILS, pupils("", "", "6", "", "", "", null), errors);

		assertThat(errors.asMap())
			.containsExactly(Map.entry("indicator-8-sexes-numerator", "plan-reports.sex.needs-total"));
	}

	@Test
	void refusesNegativeAndMalformedFiguresBySex() {
		FormErrors errors = new FormErrors();

		PlanReportPolicy.figures(PUPILS, pupils("100", "200", "-1", "110", "40", "9x0", null), errors);

		assertThat(errors.asMap()).containsOnly(Map.entry("indicator-8-FEMALE-numerator", "plans.value.negative"),
				Map.entry("indicator-8-MALE-denominator", "plan-reports.count.malformed"));
	}

	@Test
	void aSexNumeratorOverItsDenominatorNeedsAnExplanationAndIsThenFlagged() {
		FormErrors unexplained = new FormErrors();
		PlanReportPolicy.figures(PUPILS, pupils("100", "200", "60", "50", "40", "150", null), unexplained);
		assertThat(unexplained.asMap())
			.containsExactly(Map.entry("indicator-8-FEMALE-numerator", "plan-reports.numerator.over-denominator"));

		FormErrors explained = new FormErrors();
		List<ReportValue> values = PlanReportPolicy.figures(PUPILS,
				pupils("100", "200", "60", "50", "40", "150", "Học sinh nữ chuyển đến giữa năm"), explained);
		assertThat(explained.hasErrors()).isFalse();
		assertThat(values).filteredOn(ReportValue::flagged)
			.singleElement()
			.satisfies(v -> assertThat(v.disaggregation()).isEqualTo(ReportValue.Disaggregation.FEMALE))
			.satisfies(v -> assertThat(v.explanation()).isEqualTo("Học sinh nữ chuyển đến giữa năm"));
	}

	private static Map<String, String> pupils(String n, String d, String femaleN, String femaleD, String maleN,
			String maleD, String explanation) {
		Map<String, String> form = new java.util.HashMap<>(Map.of("indicator-8-numerator", n, "indicator-8-denominator",
				d, "indicator-8-FEMALE-numerator", femaleN, "indicator-8-FEMALE-denominator", femaleD,
				"indicator-8-MALE-numerator", maleN, "indicator-8-MALE-denominator", maleD));
		if (explanation != null) {
			form.put("indicator-8-explanation", explanation);
		}
		return form;
	}

	@Test
	void dueDatesDefaultToFifteenAndThirtyOneDaysAfterThePeriod() {
		assertThat(PlanReportPolicy.dueOn(ReportingPeriod.parse("2025-H1").orElseThrow(),
				PlanReportPolicy.DEFAULT_DAYS.get(ReportingPeriod.Kind.SIX_MONTHLY)))
			.isEqualTo(LocalDate.of(2025, 7, 15));
		assertThat(PlanReportPolicy.dueOn(ReportingPeriod.parse("2025").orElseThrow(),
				PlanReportPolicy.DEFAULT_DAYS.get(ReportingPeriod.Kind.YEARLY)))
			.isEqualTo(LocalDate.of(2026, 1, 31));
		assertThat(PlanReportPolicy.days("400", "yearly", null).reason())
			.isEqualTo("plan-reports.schedule.out-of-range");
	}

	@Test
	void workflowRefusesAnythingOutOfOrder() {
		PlanReport draft = PlanReport.draft(1, new UnitId(5), ReportingPeriod.parse("2025-H1").orElseThrow(),
				LocalDate.of(2025, 7, 15));
		PlanReport submitted = draft.submit(List.of(), "reporter", Instant.now());

		assertThatThrownBy(() -> submitted.submit(List.of(), "reporter", Instant.now())).isInstanceOfSatisfying(
				InvalidPlanInput.class,
				ex -> assertThat(ex.errors().get("state")).isEqualTo("plan-reports.already-submitted"));
		assertThatThrownBy(() -> submitted.returnWith(" ", "manager", Instant.now()))
			.isInstanceOf(InvalidPlanInput.class);
		PlanReport approved = submitted.approve("manager", Instant.now());
		assertThatThrownBy(() -> approved.saveDraft(List.of())).isInstanceOfSatisfying(InvalidPlanInput.class,
				ex -> assertThat(ex.errors().get("state")).isEqualTo("plan-reports.locked"));
		assertThat(approved.correction().reportVersion()).isEqualTo(2);
		assertThat(approved.correction().status()).isEqualTo(PlanReport.Status.DRAFT);
		assertThatThrownBy(draft::correction).isInstanceOf(InvalidPlanInput.class);
	}

	@Test
	void aDraftPastItsDueDateIsLateButASubmittedOneIsNot() {
		PlanReport draft = PlanReport.draft(1, new UnitId(5), ReportingPeriod.parse("2025-H1").orElseThrow(),
				LocalDate.of(2025, 7, 15));

		assertThat(draft.lateOn(LocalDate.of(2025, 7, 15))).isFalse();
		assertThat(draft.lateOn(LocalDate.of(2025, 7, 16))).isTrue();
		assertThat(draft.submit(List.of(), "r", Instant.now()).lateOn(LocalDate.of(2025, 8, 1))).isFalse();
	}

}
