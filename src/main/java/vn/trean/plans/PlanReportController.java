package vn.trean.plans;

import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Requires;
import vn.trean.shared.ShownAgainAt;

/**
 * The periodic report pages: the reports of a period per unit, and one report's form (for
 * its unit's reporter) and review (for the province). A refused form is shown again on
 * its page with what was typed.
 */
@Controller
class PlanReportController {

	private final PlanReports reports;

	private final PlanReportPages pages;

	PlanReportController(PlanReports reports, PlanReportPages pages) {
		this.reports = reports;
		this.pages = pages;
	}

	@GetMapping("/plans/{id}/reports")
	String list(CurrentUser me, @PathVariable PlanId id, @RequestParam(required = false) String period, Model model) {
		model.addAttribute("view", pages.list(me, id, period));
		model.addAttribute("schedule",
				model.getAttribute("submitted") instanceof PlanReports.Schedule typed ? typed : null);
		return "plans/reports";
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports")
	String start(Actor actor, @PathVariable PlanId id, @Valid PlanReports.Start form, RedirectAttributes redirect) {
		ReportId report = reports.start(actor, id, form);
		redirect.addFlashAttribute("message", "plan-reports.started");
		return "redirect:/plans/" + id + "/reports/" + report;
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports/schedule")
	@ShownAgainAt("/plans/{id}/reports")
	String schedule(Actor actor, @PathVariable PlanId id, @Valid PlanReports.Schedule form,
			RedirectAttributes redirect) {
		reports.setSchedule(actor, id, form);
		redirect.addFlashAttribute("message", "plan-reports.schedule.saved");
		return "redirect:/plans/" + id + "/reports";
	}

	@GetMapping("/plans/{id}/reports/{reportId}")
	String show(CurrentUser me, @PathVariable PlanId id, @PathVariable ReportId reportId, Model model) {
		model.addAttribute("view", pages.page(me, id, reportId));
		Object submitted = model.getAttribute("submitted");
		Map<String, String> typed = submitted instanceof PlanReports.Figures figures ? figures.typed()
				: submitted instanceof PlanReports.Decision decision && decision.comment() != null
						? Map.of("comment", decision.comment()) : Map.of();
		model.addAttribute("form", new FormValues(typed));
		return "plans/report";
	}

	/**
	 * A report form's fields as typed: their names are the indicators', so they are taken
	 * as they come rather than bound to fields.
	 */
	@ModelAttribute("figures")
	PlanReports.Figures figures(@RequestParam Map<String, String> form) {
		return new PlanReports.Figures(Map.copyOf(form));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports/{reportId}")
	String save(Actor actor, @PathVariable PlanId id, @PathVariable ReportId reportId,
			@Valid @ModelAttribute(name = "figures", binding = false) PlanReports.Figures figures,
			RedirectAttributes redirect) {
		reports.save(actor, id, reportId, figures);
		redirect.addFlashAttribute("message", figures.submit() ? "plan-reports.submitted" : "plan-reports.saved");
		return "redirect:/plans/" + id + "/reports/" + reportId;
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports/{reportId}/return")
	@ShownAgainAt("/plans/{id}/reports/{reportId}")
	String returnReport(Actor actor, @PathVariable PlanId id, @PathVariable ReportId reportId,
			@Valid PlanReports.Decision form, RedirectAttributes redirect) {
		reports.returnReport(actor, id, reportId, form);
		redirect.addFlashAttribute("message", "plan-reports.returned");
		return "redirect:/plans/" + id + "/reports/" + reportId;
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports/{reportId}/approve")
	@ShownAgainAt("/plans/{id}/reports/{reportId}")
	String approve(Actor actor, @PathVariable PlanId id, @PathVariable ReportId reportId,
			@Valid PlanReports.Decision form, RedirectAttributes redirect) {
		reports.approve(actor, id, reportId, form);
		redirect.addFlashAttribute("message", "plan-reports.approved");
		return "redirect:/plans/" + id + "/reports/" + reportId;
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/plans/{id}/reports/{reportId}/correct")
	@ShownAgainAt("/plans/{id}/reports/{reportId}")
	String correct(Actor actor, @PathVariable PlanId id, @PathVariable ReportId reportId,
			@Valid PlanReports.Decision form, RedirectAttributes redirect) {
		ReportId correction = reports.correct(actor, id, reportId, form);
		redirect.addFlashAttribute("message", "plan-reports.correction-started");
		return "redirect:/plans/" + id + "/reports/" + correction;
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

}
