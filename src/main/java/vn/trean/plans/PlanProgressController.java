package vn.trean.plans;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trean.identity.CurrentUser;
import vn.trean.shared.FormErrors;

/**
 * The pages that read a plan's progress: the progress of a period with its export form,
 * the city dashboard over the plan's years, and the trace of each number.
 */
@Controller
class PlanProgressController {

	private final PlanProgress progress;

	private final DashboardPages dashboards;

	private final ProgressTrace traces;

	PlanProgressController(PlanProgress progress, DashboardPages dashboards, ProgressTrace traces) {
		this.progress = progress;
		this.dashboards = dashboards;
		this.traces = traces;
	}

	/**
	 * The progress page; a refused export request is shown on it, and htmx, which asked
	 * for the export's status only, gets the refusal's alert alone.
	 */
	@GetMapping("/plans/{id}/progress")
	String progress(CurrentUser me, @PathVariable PlanId id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String indicator,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		PlanProgress.ProgressPage view = progress.progress(me, id, period, indicator);
		if (htmx != null && model.getAttribute("errors") instanceof FormErrors errors && errors.hasErrors()) {
			return "plans/export :: refused";
		}
		model.addAttribute("view", view);
		return "plans/progress";
	}

	@GetMapping("/plans/{id}/dashboard")
	String dashboard(CurrentUser me, @PathVariable PlanId id, @RequestParam(required = false) String year,
			@RequestParam(name = "by", required = false) String by, Model model) {
		model.addAttribute("view", dashboards.dashboard(me, id, year, by));
		return "plans/dashboard";
	}

	/**
	 * One unit's row of the dashboard as a fragment, which other modules' pages load (the
	 * statistics' dashboard of the unit).
	 */
	@GetMapping("/plans/{id}/dashboard/unit")
	String unitRow(CurrentUser me, @PathVariable PlanId id, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String year, Model model) {
		model.addAttribute("view", dashboards.unitRow(me, id, unit, year));
		return "plans/unit-row :: row";
	}

	@GetMapping("/plans/{id}/progress/trace")
	String trace(CurrentUser me, @PathVariable PlanId id, @RequestParam String indicator, @RequestParam String period,
			@RequestParam String unit, Model model) {
		model.addAttribute("view", traces.trace(me, id, indicator, period, unit));
		return "plans/trace";
	}

}
