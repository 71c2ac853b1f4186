package vn.trean.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Requires;
import vn.trean.shared.PlainText;
import vn.trean.shared.ShownAgainAt;

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

	/**
	 * The day form as submitted; the calendar checks the year and the kind against the
	 * date.
	 */
	record DayForm(@NotNull LocalDate day, @NotNull WorkingCalendar.DayKind kind,
			@NotBlank @PlainText(max = WorkingCalendar.NAME_LENGTH, markup = true) String name) {

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

	/** The days of a year; a refused new day is shown again on the year of its date. */
	@GetMapping("/calendar")
	String list(CurrentUser me, @RequestParam(required = false) Integer year, Model model) {
		if (model.getAttribute("submitted") instanceof DayForm typed) {
			return page(me, model, shownYear(typed.day()), typed.shown());
		}
		int shown = year == null ? LocalDate.now(clock).getYear()
				: Math.max(WorkingCalendar.FIRST_YEAR, Math.min(WorkingCalendar.LAST_YEAR, year));
		return page(me, model, shown, new DayForm(null, WorkingCalendar.DayKind.HOLIDAY, ""));
	}

	/** The year of the date entered, or this year when there is no usable date. */
	private int shownYear(LocalDate day) {
		return day == null || day.getYear() < WorkingCalendar.FIRST_YEAR || day.getYear() > WorkingCalendar.LAST_YEAR
				? LocalDate.now(clock).getYear() : day.getYear();
	}

	@Requires(Action.MANAGE_WORKING_CALENDAR)
	@PostMapping("/calendar")
	String add(Actor actor, @Valid DayForm form, RedirectAttributes redirect) {
		calendar.add(actor, form.details());
		redirect.addFlashAttribute("message", "calendar.added");
		return "redirect:/calendar?year=" + form.day().getYear();
	}

	@GetMapping("/calendar/{day}/edit")
	String editForm(CurrentUser me, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			Model model) {
		CalendarDay existing = calendar.get(me, day);
		DayForm shown = model.getAttribute("submitted") instanceof DayForm typed ? typed.shown() : DayForm.of(existing);
		model.addAttribute("existing", existing);
		model.addAttribute("kinds", WorkingCalendar.DayKind.values());
		model.addAttribute("form", shown);
		return "directory/calendar-day";
	}

	@Requires(Action.MANAGE_WORKING_CALENDAR)
	@PostMapping("/calendar/{day}")
	@ShownAgainAt("/calendar/{day}/edit")
	String change(Actor actor, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@Valid DayForm form, RedirectAttributes redirect) {
		calendar.change(actor, day, form.details());
		redirect.addFlashAttribute("message", "calendar.saved");
		return "redirect:/calendar?year=" + form.day().getYear();
	}

	@Requires(Action.MANAGE_WORKING_CALENDAR)
	@PostMapping("/calendar/{day}/remove")
	String remove(Actor actor, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes redirect) {
		calendar.remove(actor, day);
		redirect.addFlashAttribute("message", "calendar.removed");
		return "redirect:/calendar?year=" + day.getYear();
	}

	private String page(CurrentUser me, Model model, int year, DayForm form) {
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
		return "directory/calendar";
	}

}
