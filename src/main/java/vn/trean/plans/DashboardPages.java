package vn.trean.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.UnitHistory;
import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.Time;

/**
 * The dashboard page of a plan: one year of {@link PlanDashboards}' values, for the
 * groups of the view the user chose (the communes of today, or the old districts), with
 * each indicator's trend over the plan's years; the groups to review are shown only where
 * they have figures in the year.
 */
@Service
@Transactional(readOnly = true)
class DashboardPages {

	private final ActionPlans actionPlans;

	private final PlanDashboards dashboards;

	private final Clock clock;

	DashboardPages(ActionPlans actionPlans, PlanDashboards dashboards, Clock clock) {
		this.actionPlans = actionPlans;
		this.dashboards = dashboards;
		this.clock = clock;
	}

	/** One indicator's row of the dashboard for the chosen year, with its trend. */
	record IndicatorRow(Indicator indicator, String note, Progress.Cell city, List<Progress.Cell> communes,
			TrendChart chart) {

		public boolean counted() {
			return indicator.source() == Indicator.Source.REGISTER;
		}

	}

	/**
	 * What the dashboard page shows: the rows are the regular groups of the view, then
	 * the groups to review that have figures in the year.
	 */
	record Dashboard(Plan plan, UnitHistory.View view, int year, List<Integer> years, List<PlanDashboards.Group> rows,
			List<IndicatorRow> indicators, List<IndicatorRow> withoutValue) {

		/**
		 * The year as a word in a sentence: a message would group its digits
		 * ({@code 2.025}).
		 */
		public String yearText() {
			return String.valueOf(year);
		}

		public boolean byOldDistricts() {
			return view == UnitHistory.View.OLD_DISTRICTS;
		}

		public long reviewRows() {
			return rows.stream().filter(PlanDashboards.Group::review).count();
		}

	}

	Dashboard dashboard(CurrentUser me, PlanId planId, String yearText, String viewText) {
		Plan plan = actionPlans.viewable(me, planId);
		int year = chosenYear(plan, yearText);
		UnitHistory.View view = chosenView(viewText);
		PlanDashboards.Values values = dashboards.values(plan, view);
		List<PlanDashboards.IndicatorValues> valued = values.indicators()
			.stream()
			.filter(v -> v.note() == null)
			.toList();
		List<PlanDashboards.Group> shown = values.groups()
			.stream()
			.filter(g -> !g.review() || valued.stream().anyMatch(v -> hasFigures(v, g, year)))
			.toList();
		List<IndicatorRow> rows = new ArrayList<>();
		List<IndicatorRow> without = new ArrayList<>();
		for (PlanDashboards.IndicatorValues v : values.indicators()) {
			if (v.note() != null) {
				without.add(new IndicatorRow(v.indicator(), v.note(), null, List.of(), null));
				continue;
			}
			List<Progress.Cell> cells = shown.stream()
				.map(g -> v.groups().getOrDefault(g.unit().id(), Map.of()).get(year))
				.toList();
			rows.add(new IndicatorRow(v.indicator(), null, v.city().get(year), cells,
					TrendChart.of(v.indicator(), values.years(), v.city())));
		}
		return new Dashboard(plan, view, year, values.years(), shown, rows, without);
	}

	/**
	 * One unit's row of the dashboard: the city (the plan's province) or a commune of
	 * today, with its value of each indicator that has one in the year.
	 *
	 * @param commune the commune, {@code null} for the city
	 */
	record UnitRow(Plan plan, int year, @Nullable AdministrativeUnit commune, List<IndicatorRow> indicators) {

		public String yearText() {
			return String.valueOf(year);
		}

	}

	/**
	 * The dashboard's row of the unit with the id, for the year asked for (or the
	 * dashboard's default year), as {@link #dashboard} shows it; a unit that is neither
	 * the plan's province nor a commune of it today is unknown.
	 */
	UnitRow unitRow(CurrentUser me, PlanId planId, String unitText, String yearText) {
		Plan plan = actionPlans.viewable(me, planId);
		int year = chosenYear(plan, yearText);
		PlanDashboards.Values values = dashboards.values(plan);
		UnitId unit = unitId(unitText);
		AdministrativeUnit commune = values.groups()
			.stream()
			.filter(g -> !g.review() && g.unit().id().equals(unit))
			.map(PlanDashboards.Group::unit)
			.findFirst()
			.orElse(null);
		if (commune == null && !unit.equals(plan.province())) {
			throw new UnknownPlan("unit " + unitText + " of the dashboard");
		}
		List<IndicatorRow> rows = values.indicators()
			.stream()
			.filter(v -> v.note() == null)
			.map(v -> new IndicatorRow(v.indicator(), null,
					commune == null ? v.city().get(year) : v.groups().getOrDefault(unit, Map.of()).get(year), List.of(),
					null))
			.toList();
		return new UnitRow(plan, year, commune, rows);
	}

	private static UnitId unitId(String text) {
		try {
			return new UnitId(Long.parseLong(text == null ? "" : text.strip()));
		}
		catch (NumberFormatException ex) {
			throw new UnknownPlan("unit " + text + " of the dashboard");
		}
	}

	private static boolean hasFigures(PlanDashboards.IndicatorValues values, PlanDashboards.Group group, int year) {
		Progress.Cell cell = values.groups().getOrDefault(group.unit().id(), Map.of()).get(year);
		return cell != null
				&& (cell.numerator() > 0 || cell.denominator() > 0 || (!values.counted() && cell.figures() > 0));
	}

	private static UnitHistory.View chosenView(String text) {
		if (text == null || text.isBlank()) {
			return UnitHistory.View.CURRENT_COMMUNES;
		}
		try {
			return UnitHistory.View.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownPlan("view " + text + " of the dashboard");
		}
	}

	/**
	 * The year asked for, or the latest of the plan that has ended (its first if none).
	 */
	private int chosenYear(Plan plan, String text) {
		if (text != null && !text.isBlank()) {
			try {
				int year = Integer.parseInt(text.strip());
				if (plan.covers(year)) {
					return year;
				}
			}
			catch (NumberFormatException ex) {
				// not a year: refused below
			}
			throw new UnknownPlan("year " + text + " of the plan");
		}
		int lastEnded = LocalDate.now(clock.withZone(Time.ZONE)).getYear() - 1;
		return Math.max(plan.startYear(), Math.min(plan.endYear(), lastEnded));
	}

}
