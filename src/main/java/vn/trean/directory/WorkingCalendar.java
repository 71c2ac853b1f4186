package vn.trean.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.FormErrors;
import vn.trean.shared.VietnameseText;

/**
 * The national working-day calendar administrators maintain: answers the current
 * {@link WorkingDays} for deadlines, and adds, changes and removes its days with an audit
 * entry for each. The answer is cached per instance and reloaded whenever the revision
 * stored beside the days has moved, so an edit made on one instance is seen by all.
 */
@Service
@Transactional
public class WorkingCalendar {

	/** The first and last year a day may be entered for (guards against typing 0226). */
	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2099;

	static final int NAME_LENGTH = 200;

	private final CalendarDayRepository days;

	private final Authorization authorization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile Snapshot cached = new Snapshot(Long.MIN_VALUE, null);

	WorkingCalendar(CalendarDayRepository days, Authorization authorization, ApplicationEventPublisher events,
			Clock clock) {
		this.days = days;
		this.authorization = authorization;
		this.events = events;
		this.clock = clock;
	}

	/** What an exception to the Monday-to-Friday week is. */
	public enum DayKind {

		/** A day off: public holiday, compensatory day or a weekday swapped off. */
		HOLIDAY,
		/** A Saturday or Sunday that is worked, swapped with a weekday off. */
		WORKING_DAY

	}

	/** What an administrator enters about a day. */
	public record DayDetails(LocalDate day, DayKind kind, String name) {
	}

	private record Snapshot(long revision, WorkingDays days) {
	}

	/** The working days as the calendar stands now, including the latest edits. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public WorkingDays current() {
		// the revision is read first: if an edit commits in between, the days read are
		// newer
		// than the revision they are cached under, which costs one reload, never a stale
		// answer
		long revision = days.revision();
		Snapshot snapshot = cached;
		if (snapshot.revision() == revision) {
			return snapshot.days();
		}
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> workingDays = new HashSet<>();
		for (CalendarDay day : days.all()) {
			(day.kind() == DayKind.HOLIDAY ? holidays : workingDays).add(day.day());
		}
		WorkingDays loaded = new WorkingDays(holidays, workingDays);
		cached = new Snapshot(revision, loaded);
		return loaded;
	}

	/**
	 * The rules for a day beyond the form's own checks: a date within the years the
	 * calendar keeps, and a swapped working day only on a weekend. Errors are keyed by
	 * form field.
	 */
	public FormErrors check(DayDetails details) {
		FormErrors errors = new FormErrors();
		if (details.day() == null) {
			errors.reject("day", "validation.required");
		}
		else if (details.day().getYear() < FIRST_YEAR || details.day().getYear() > LAST_YEAR) {
			errors.reject("day", "calendar.day.out-of-range");
		}
		if (details.kind() == null) {
			errors.reject("kind", "validation.required");
		}
		else if (details.kind() == DayKind.WORKING_DAY && details.day() != null && !errors.has("day")
				&& !isWeekend(details.day())) {
			errors.reject("kind", "calendar.working-day.not-weekend");
		}
		if (details.name() == null || details.name().isBlank()) {
			errors.reject("name", "validation.required");
		}
		return errors;
	}

	public void add(Actor by, DayDetails details) {
		CurrentUser actor = by.signedIn();
		requireMayManage(actor);
		DayDetails clean = requireValid(details);
		if (!days.insert(clean, actor.username(), clock.instant())) {
			throw new InvalidCalendarDay(new FormErrors().reject("day", "calendar.day.taken"));
		}
		events.publishEvent(new WorkingCalendarChanged(actor.username(), "CALENDAR_DAY_ADDED", clean.day(),
				clean.kind().name(), by.clientAddress(), clock.instant()));
	}

	/**
	 * Changes the day listed on {@code day}; the new details may move it to another date.
	 */
	public void change(Actor by, LocalDate day, DayDetails details) {
		CurrentUser actor = by.signedIn();
		requireMayManage(actor);
		CalendarDay before = days.find(day).orElseThrow(() -> new UnknownCalendarDay(day));
		DayDetails clean = requireValid(details);
		if (!days.update(day, clean, actor.username(), clock.instant())) {
			throw new InvalidCalendarDay(new FormErrors().reject("day", "calendar.day.taken"));
		}
		String detail = (before.day().equals(clean.day()) ? "" : "moved from " + before.day() + "; ")
				+ before.kind().name() + " -> " + clean.kind().name();
		events.publishEvent(new WorkingCalendarChanged(actor.username(), "CALENDAR_DAY_CHANGED", clean.day(), detail,
				by.clientAddress(), clock.instant()));
	}

	public void remove(Actor by, LocalDate day) {
		CurrentUser actor = by.signedIn();
		requireMayManage(actor);
		CalendarDay before = days.find(day).orElseThrow(() -> new UnknownCalendarDay(day));
		if (!days.delete(day)) {
			throw new UnknownCalendarDay(day);
		}
		events.publishEvent(new WorkingCalendarChanged(actor.username(), "CALENDAR_DAY_REMOVED", day,
				before.kind().name(), by.clientAddress(), clock.instant()));
	}

	@Transactional(readOnly = true)
	List<CalendarDay> year(CurrentUser actor, int year) {
		requireMayManage(actor);
		return days.in(year);
	}

	/** The years the calendar lists any day in. */
	@Transactional(readOnly = true)
	List<Integer> years(CurrentUser actor) {
		requireMayManage(actor);
		return days.years();
	}

	@Transactional(readOnly = true)
	CalendarDay get(CurrentUser actor, LocalDate day) {
		requireMayManage(actor);
		return days.find(day).orElseThrow(() -> new UnknownCalendarDay(day));
	}

	/**
	 * The calendar is national, so the decision is made against the user's own
	 * jurisdiction: the role alone decides.
	 */
	private void requireMayManage(CurrentUser actor) {
		authorization.require(actor, Action.MANAGE_WORKING_CALENDAR, ResourceScope.at(actor.jurisdiction()));
	}

	private DayDetails requireValid(DayDetails details) {
		FormErrors errors = check(details);
		if (errors.hasErrors()) {
			throw new InvalidCalendarDay(errors);
		}
		return new DayDetails(details.day(), details.kind(), VietnameseText.normalize(details.name()));
	}

	private static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek().getValue() >= 6;
	}

}
