package vn.trean.statistics;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trean.geography.Geography;
import vn.trean.identity.CurrentUser;
import vn.trean.plans.PlansInForce;
import vn.trean.statistics.StatisticsTables.Audience;

/**
 * The KPI page of a unit and period, with its breakdown by commune or officer, and a
 * unit's dashboard. Both default to the user's own unit; who sees what is
 * {@link StatisticsAccess}'s.
 */
@Controller
class KpiController {

	private final KpiTable kpis;

	private final KpiBreakdowns breakdowns;

	private final KpiDashboard dashboards;

	private final StatisticsUnits units;

	private final StatisticsAccess access;

	private final Geography geography;

	private final PlansInForce plans;

	KpiController(KpiTable kpis, KpiBreakdowns breakdowns, KpiDashboard dashboards, StatisticsUnits units,
			StatisticsAccess access, Geography geography, PlansInForce plans) {
		this.plans = plans;
		this.kpis = kpis;
		this.breakdowns = breakdowns;
		this.dashboards = dashboards;
		this.units = units;
		this.access = access;
		this.geography = geography;
	}

	@GetMapping("/statistics/kpis")
	String kpis(CurrentUser me, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String unit, Model model) {
		LocalDate today = geography.today();
		StatisticsPeriod chosen = blank(period) ? StatisticsPeriod.halfYearOf(today)
				: StatisticsPeriod.parse(period, today);
		StatisticsUnit at = unit(me, unit, chosen);
		Audience audience = access.audienceOf(me, at);
		StatisticsTable table = kpis.table(chosen, at, audience);
		model.addAttribute("table", table);
		model.addAttribute("lines", KpiLine.of(table));
		model.addAttribute("breakdown", breakdowns.breakdown(chosen, at, audience));
		model.addAttribute("audience", audience);
		return "statistics/kpis";
	}

	@GetMapping("/statistics/dashboard")
	String dashboard(CurrentUser me, @RequestParam(required = false) @Nullable String unit, Model model) {
		StatisticsUnit at = unit(me, unit, StatisticsPeriod.halfYearOf(geography.today()));
		Audience audience = access.audienceOf(me, at);
		KpiDashboard.Dashboard dashboard = dashboards.dashboard(at, audience);
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("lines", KpiLine.of(dashboard.table()));
		model.addAttribute("plans", plans.around(me, at.id()));
		model.addAttribute("audience", audience);
		return "statistics/dashboard";
	}

	private StatisticsUnit unit(CurrentUser me, @Nullable String code, StatisticsPeriod period) {
		return blank(code) ? units.of(geography.get(me.jurisdiction())) : units.resolve(code, period);
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
