package vn.trean.plans;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.CurrentUser;
import vn.trean.shared.FormErrors;
import vn.trean.identity.Action;
import vn.trean.identity.Requires;

/**
 * The periodic report pages: the reports of a period per unit, one report's form (for its
 * unit's reporter) and review (for the province), and the progress the approved figures
 * show, with the trace of each number.
 */
@Controller
class PlanReportController {

	private final PlanReports reports;

	private final PlanDashboards dashboards;

	PlanReportController(PlanReports reports, PlanDashboards dashboards) {
		this.reports = reports;
		this.dashboards = dashboards;
	}

	@GetMapping("/plans/{id}/reports")
	String list(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String period, Model model) {
		return listPage(me, id, period, model, new FormErrors(), null);
	}

	/** The unit and period of a report to start. */
	record StartForm(String unit, String period) {
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports")
	String start(CurrentUser me, @PathVariable long id, StartForm form, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		long report;
		try {
			report = reports.start(me, id, form.unit(), form.period(), request.getRemoteAddr());
		}
		catch (InvalidPlanInput ex) {
			response.setStatus(422);
			return listPage(me, id, null, model, ex.errors(), null);
		}
		redirect.addFlashAttribute("message", "plan-reports.started");
		return "redirect:/plans/" + id + "/reports/" + report;
	}

	/** Days after a period's end reports are due, as typed. */
	record ScheduleForm(String sixMonthly, String yearly) {
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports/schedule")
	String schedule(CurrentUser me, @PathVariable long id, ScheduleForm form, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			reports.setSchedule(me, id, form.sixMonthly(), form.yearly(), request.getRemoteAddr());
		}
		catch (InvalidPlanInput ex) {
			response.setStatus(422);
			return listPage(me, id, null, model, ex.errors(), form);
		}
		redirect.addFlashAttribute("message", "plan-reports.schedule.saved");
		return "redirect:/plans/" + id + "/reports";
	}

	private String listPage(CurrentUser me, long id, String period, Model model, FormErrors errors,
			ScheduleForm schedule) {
		model.addAttribute("view", reports.list(me, id, period));
		model.addAttribute("errors", errors);
		model.addAttribute("schedule", schedule);
		return "plans/reports";
	}

	@GetMapping("/plans/{id}/reports/{reportId}")
	String show(CurrentUser me, @PathVariable long id, @PathVariable long reportId, Model model) {
		return reportPage(me, id, reportId, model, Map.of(), new FormErrors());
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports/{reportId}")
	String save(CurrentUser me, @PathVariable long id, @PathVariable long reportId,
			@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		boolean submit = "submit".equals(form.get("step"));
		try {
			reports.save(me, id, reportId, form, submit, request.getRemoteAddr());
		}
		catch (InvalidPlanInput ex) {
			response.setStatus(422);
			return reportPage(me, id, reportId, model, form, ex.errors());
		}
		redirect.addFlashAttribute("message", submit ? "plan-reports.submitted" : "plan-reports.saved");
		return "redirect:/plans/" + id + "/reports/" + reportId;
	}

	/** The province's decision as submitted. */
	record DecisionForm(String version, String comment) {
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports/{reportId}/return")
	String returnReport(CurrentUser me, @PathVariable long id, @PathVariable long reportId, DecisionForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			reports.returnReport(me, id, reportId, form.version(), form.comment(), request.getRemoteAddr());
		}
		catch (InvalidPlanInput ex) {
			response.setStatus(422);
			return reportPage(me, id, reportId, model, Map.of("comment", form.comment() == null ? "" : form.comment()),
					ex.errors());
		}
		redirect.addFlashAttribute("message", "plan-reports.returned");
		return "redirect:/plans/" + id + "/reports/" + reportId;
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports/{reportId}/approve")
	String approve(CurrentUser me, @PathVariable long id, @PathVariable long reportId, DecisionForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			reports.approve(me, id, reportId, form.version(), request.getRemoteAddr());
		}
		catch (InvalidPlanInput ex) {
			response.setStatus(422);
			return reportPage(me, id, reportId, model, Map.of(), ex.errors());
		}
		redirect.addFlashAttribute("message", "plan-reports.approved");
		return "redirect:/plans/" + id + "/reports/" + reportId;
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports/{reportId}/correct")
	String correct(CurrentUser me, @PathVariable long id, @PathVariable long reportId, DecisionForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		long correction;
		try {
			correction = reports.correct(me, id, reportId, form.version(), request.getRemoteAddr());
		}
		catch (InvalidPlanInput ex) {
			response.setStatus(422);
			return reportPage(me, id, reportId, model, Map.of(), ex.errors());
		}
		redirect.addFlashAttribute("message", "plan-reports.correction-started");
		return "redirect:/plans/" + id + "/reports/" + correction;
	}

	private String reportPage(CurrentUser me, long id, long reportId, Model model, Map<String, String> form,
			FormErrors errors) {
		model.addAttribute("view", reports.page(me, id, reportId));
		model.addAttribute("form", new FormValues(form));
		model.addAttribute("errors", errors);
		return "plans/report";
	}

	/** What was typed, to show again after a refusal. */
	record FormValues(Map<String, String> values) {

		public boolean has(String name) {
			return values.containsKey(name);
		}

		public String get(String name) {
			return values.get(name);
		}

	}

	@GetMapping("/plans/{id}/progress")
	String progress(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String indicator, Model model) {
		model.addAttribute("view", reports.progress(me, id, period, indicator));
		return "plans/progress";
	}

	@GetMapping("/plans/{id}/dashboard")
	String dashboard(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String year,
			@RequestParam(name = "by", required = false) String by, Model model) {
		model.addAttribute("view", dashboards.dashboard(me, id, year, by));
		return "plans/dashboard";
	}

	@GetMapping("/plans/{id}/progress/trace")
	String trace(CurrentUser me, @PathVariable long id, @RequestParam String indicator, @RequestParam String period,
			@RequestParam String unit, Model model) {
		model.addAttribute("view", reports.trace(me, id, indicator, period, unit));
		return "plans/trace";
	}

}
