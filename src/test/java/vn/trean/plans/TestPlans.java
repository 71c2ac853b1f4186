package vn.trean.plans;

import java.time.Instant;
import java.util.List;

import vn.trean.geography.UnitId;

/**
 * Test plans of Cần Thơ with one objective, and the indicators the progress and dashboard
 * tests share: 1.1 (reported coverage), 2.1 (counted from the workforce roster), 3.2
 * (counted from the cases and their school referrals) and 3.3 (a register indicator no
 * register can count). Numbers are unique, so tests never meet Plan 55/KH-UBND or each
 * other.
 */
final class TestPlans {

	/** A plan and its objective. */
	record TestPlan(long id, long objective) {
	}

	private TestPlans() {
	}

	static TestPlan plan(PlanRepository plans, UnitId province, String prefix, String title, int fromYear, int toYear) {
		long plan = plans.insert(
				new Plan(0, province, prefix + System.nanoTime() + "/KH-UBND", title,
						"Ủy ban nhân dân thành phố Cần Thơ", null, fromYear, toYear, Plan.Status.ACTIVE),
				Instant.now());
		return new TestPlan(plan, plans.insertObjective(plan, 1, "Mục tiêu kiểm thử"));
	}

	/** 1.1: families reached, reported yearly, a coverage. */
	static Indicator familiesReached(long objective) {
		return new Indicator(0, objective, "1.1", "Tỷ lệ gia đình được truyền thông", Indicator.Measure.PERCENT, null,
				"Số gia đình được truyền thông", "Tổng số gia đình", null, List.of(), Indicator.Direction.INCREASE,
				Indicator.Frequency.YEARLY, Indicator.Source.REPORTED, true);
	}

	/** 2.1: workforce trained, counted from the roster, a coverage. */
	static Indicator workforceTrained(long objective) {
		return new Indicator(0, objective, "2.1", "Tỷ lệ cán bộ được nâng cao năng lực", Indicator.Measure.PERCENT,
				null, "Số cán bộ đã được tập huấn", "Tổng số cán bộ", DenominatorKind.WORKFORCE, List.of(),
				Indicator.Direction.INCREASE, null, Indicator.Source.REGISTER, true);
	}

	/** 3.2: pupils supported in time, counted from the cases and their referrals. */
	static Indicator pupilsSupported(long objective) {
		return new Indicator(0, objective, "3.2", "Tỷ lệ người học bị bạo lực học đường được hỗ trợ",
				Indicator.Measure.PERCENT, null, "Số người học được hỗ trợ", "Số người học được phát hiện", null,
				List.of(), Indicator.Direction.INCREASE, null, Indicator.Source.REGISTER, true);
	}

	/** 3.3: schools with a counselling room, a register indicator no register counts. */
	static Indicator counsellingRooms(long objective) {
		return new Indicator(0, objective, "3.3", "Tỷ lệ trường học có phòng tư vấn tâm lý", Indicator.Measure.PERCENT,
				null, "Số trường có phòng tư vấn", "Tổng số trường", null, List.of(), Indicator.Direction.INCREASE,
				null, Indicator.Source.REGISTER, true);
	}

}
