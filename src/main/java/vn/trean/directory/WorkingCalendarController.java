package vn.trean.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
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
 * The administrators' working-calendar pages: the days of one year, and adding, changing
 * and removing them.
 */
@Controller
class WorkingCalendarController {

	private final WorkingCalendar calendar;

	private final Clock clock;

	WorkingCalendarController(WorkingCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The day form as submitted. */
	record DayForm(LocalDate day, WorkingCalendar.DayKind kind, String name) {

		WorkingCalendar.DayDetails details() {
			return new WorkingCalendar.DayDetails(day, kind, name);
		}

		/**
		 * The form to show again: a name far over the limit is cut, so a refused megabyte
		 * is not sent back.
		 */
		DayForm shown() {
			if (name == null || name.length() <= 2 * WorkingCalendar.NAME_LENGTH) {
				return this;
			}
			return new DayForm(day, kind, name.substring(0, name.offsetByCodePoints(0, WorkingCalendar.NAME_LENGTH)));
		}

		static DayForm of(CalendarDay d) {
			return new DayForm(d.day(), d.kind(), d.name());
		}

	}

	@GetMapping("/calendar")
	String list(CurrentUser me, @RequestParam(required = false) Integer year, Model model) {
		int shown = year == null ? LocalDate.now(clock).getYear()
				: Math.max(WorkingCalendar.FIRST_YEAR, Math.min(WorkingCalendar.LAST_YEAR, year));
		return page(me, model, shown, new DayForm(null, WorkingCalendar.DayKind.HOLIDAY, ""), new FormErrors());
	}

	/** The year of the date entered, or this year when there is no usable date. */
	private int shownYear(LocalDate day) {
		return day == null || day.getYear() < WorkingCalendar.FIRST_YEAR || day.getYear() > WorkingCalendar.LAST_YEAR
				? LocalDate.now(clock).getYear() : day.getYear();
	}

	@Requires(Action.MANAGE_WORKING_CALENDAR)
	@PostMapping("/calendar")
	String add(CurrentUser me, DayForm form, BindingResult unconvertible, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		FormErrors errors = errors(form, unconvertible);
		if (!errors.hasErrors()) {
			try {
				calendar.add(me, form.details(), request.getRemoteAddr());
				redirect.addFlashAttribute("message", "calendar.added");
				return "redirect:/calendar?year=" + form.day().getYear();
			}
			catch (InvalidCalendarDay ex) {
				errors = ex.errors();
			}
		}
		response.setStatus(422);
		return page(me, model, shownYear(form.day()), form.shown(), errors);
	}

	@GetMapping("/calendar/{day}/edit")
	String editForm(CurrentUser me, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			Model model) {
		CalendarDay existing = calendar.get(me, day);
		return form(model, existing, DayForm.of(existing), new FormErrors());
	}

	@Requires(Action.MANAGE_WORKING_CALENDAR)
	@PostMapping("/calendar/{day}")
	String change(CurrentUser me, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			DayForm form, BindingResult unconvertible, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		CalendarDay existing = calendar.get(me, day);
		FormErrors errors = errors(form, unconvertible);
		if (!errors.hasErrors()) {
			try {
				calendar.change(me, day, form.details(), request.getRemoteAddr());
				redirect.addFlashAttribute("message", "calendar.saved");
				return "redirect:/calendar?year=" + form.day().getYear();
			}
			catch (InvalidCalendarDay ex) {
				errors = ex.errors();
			}
		}
		response.setStatus(422);
		return form(model, existing, form.shown(), errors);
	}

	@Requires(Action.MANAGE_WORKING_CALENDAR)
	@PostMapping("/calendar/{day}/remove")
	String remove(CurrentUser me, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			HttpServletRequest request, RedirectAttributes redirect) {
		calendar.remove(me, day, request.getRemoteAddr());
		redirect.addFlashAttribute("message", "calendar.removed");
		return "redirect:/calendar?year=" + day.getYear();
	}

	/**
	 * A value the form could not even convert (a malformed date, an unknown kind) is
	 * named as such; then the calendar's own rules.
	 */
	private FormErrors errors(DayForm form, BindingResult unconvertible) {
		FormErrors errors = new FormErrors();
		for (FieldError error : unconvertible.getFieldErrors()) {
			errors.reject(error.getField(), error.getField().equals("day") ? "validation.date" : "validation.invalid");
		}
		calendar.check(form.details()).asMap().forEach(errors::reject);
		return errors;
	}

	private String page(CurrentUser me, Model model, int year, DayForm form, FormErrors errors) {
		List<CalendarDay> days = calendar.year(me, year);
		TreeSet<Integer> years = new TreeSet<>(calendar.years(me));
		years.add(LocalDate.now(clock).getYear());
		years.add(year);
		model.addAttribute("year", year);
		model.addAttribute("years", years);
		model.addAttribute("days", days);
		model.addAttribute("noHolidays", days.stream().noneMatch(d -> d.kind() == WorkingCalendar.DayKind.HOLIDAY));
		model.addAttribute("kinds", WorkingCalendar.DayKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "directory/calendar";
	}

	private String form(Model model, CalendarDay existing, DayForm form, FormErrors errors) {
		model.addAttribute("existing", existing);
		model.addAttribute("kinds", WorkingCalendar.DayKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "directory/calendar-day";
	}

}
