package vn.trean.registers;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * The register pages: the overview of counts for the user's area with the trace of each
 * count, and for each register its list with the form that adds to it. A refused entry
 * re-renders the page with 422 and the errors; an accepted one redirects with a message.
 * Correcting and deleting records is {@link RegisterRecordController}'s.
 */
@Controller
class RegisterController {

	private final Registers registers;

	RegisterController(Registers registers) {
		this.registers = registers;
	}

	@GetMapping("/registers")
	String overview(CurrentUser me, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String year, Model model) {
		model.addAttribute("view", registers.overview(me, unit, year));
		return "registers/overview";
	}

	@GetMapping("/registers/trace")
	String trace(CurrentUser me, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String year, @RequestParam String count, Model model) {
		model.addAttribute("view", registers.trace(me, unit, year, count));
		return "registers/trace";
	}

	// ---- workforce ----

	record MemberForm(String unit, String fullName, String role, String sex, String agency, String activeFrom,
			String activeTo) {
	}

	/**
	 * The page of a list asked for; anything but a positive number is the first page, and
	 * a number past the last page is the last (decided with the count, in Registers).
	 */
	static int pageNumber(String text) {
		if (text == null || !text.strip().matches("[0-9]{1,100}")) {
			return 1;
		}
		String digits = text.strip().replaceFirst("^0+(?=.)", "");
		return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
	}

	@GetMapping("/registers/workforce")
	String workforce(CurrentUser me, @RequestParam(required = false) String page, Model model) {
		return workforcePage(me, new MemberForm(null, null, null, null, null, null, null), new FormErrors(),
				pageNumber(page), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/workforce")
	String addMember(CurrentUser me, MemberForm form, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		return saved(
				() -> registers.addMember(me,
						new RegisterPolicy.MemberEntry(form.unit(), form.fullName(), form.role(), form.sex(),
								form.agency(), form.activeFrom(), form.activeTo()),
						request.getRemoteAddr()),
				errors -> workforcePage(me, form, errors, 1, model), "/registers/workforce", response, redirect);
	}

	private String workforcePage(CurrentUser me, MemberForm form, FormErrors errors, int page, Model model) {
		model.addAttribute("view", registers.workforce(me, page));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", WorkforceRole.values());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("agencies", registers.agencies(me));
		return "registers/workforce";
	}

	// ---- trainings ----

	record TrainingForm(String unit, String heldOn, String topic, String organiser, String kind,
			List<String> participants) {

		public boolean hasParticipant(Object id) {
			return participants != null && participants.contains(String.valueOf(id));
		}

	}

	@GetMapping("/registers/trainings")
	String trainings(CurrentUser me, @RequestParam(required = false) String page, Model model) {
		model.addAttribute("view", registers.trainings(me, pageNumber(page)));
		return "registers/trainings";
	}

	/** The form for a training of a unit, with the roster of that unit to choose from. */
	@GetMapping("/registers/trainings/new")
	String newTraining(CurrentUser me, @RequestParam String unit, Model model) {
		return trainingForm(me, new TrainingForm(unit, null, null, null, null, List.of()), Map.of(), new FormErrors(),
				model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/trainings")
	String addTraining(CurrentUser me, TrainingForm form, @RequestParam Map<String, String> fields,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return saved(
				() -> registers.addTraining(me,
						new RegisterPolicy.TrainingEntry(form.unit(), form.heldOn(), form.topic(), form.organiser(),
								form.kind(), form.participants(), fields),
						request.getRemoteAddr()),
				errors -> trainingForm(me, form, fields, errors, model), "/registers/trainings", response, redirect);
	}

	private String trainingForm(CurrentUser me, TrainingForm form, Map<String, String> fields, FormErrors errors,
			Model model) {
		return trainingForm(registers, me, form.unit(), form, fields, errors, model);
	}

	/**
	 * The training form, adding or correcting, for a unit the user may write in: the
	 * roster to pick participants from, the counts typed and the choices.
	 */
	static String trainingForm(Registers registers, CurrentUser me, String unitText, TrainingForm form,
			Map<String, String> fields, FormErrors errors, Model model) {
		var unit = registers.writableUnit(me, unitText);
		model.addAttribute("unit", unit);
		model.addAttribute("roster", registers.roster(me, unit.id(), form.participants()));
		model.addAttribute("form", form);
		model.addAttribute("counts", fields);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", TrainingKind.values());
		model.addAttribute("roles", WorkforceRole.values());
		model.addAttribute("sexes", Sex.values());
		return "registers/training-form";
	}

	// ---- communication events ----

	record EventForm(String unit, String heldOn, String type, String channel, String audience, String reach,
			String materials, String households) {
	}

	@GetMapping("/registers/events")
	String events(CurrentUser me, @RequestParam(required = false) String page, Model model) {
		return eventsPage(me, new EventForm(null, null, null, null, null, null, null, null), new FormErrors(),
				pageNumber(page), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/events")
	String addEvent(CurrentUser me, EventForm form, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		return saved(
				() -> registers.addEvent(me,
						new RegisterPolicy.EventEntry(form.unit(), form.heldOn(), form.type(), form.channel(),
								form.audience(), form.reach(), form.materials(), form.households()),
						request.getRemoteAddr()),
				errors -> eventsPage(me, form, errors, 1, model), "/registers/events", response, redirect);
	}

	private String eventsPage(CurrentUser me, EventForm form, FormErrors errors, int page, Model model) {
		model.addAttribute("view", registers.events(me, page));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "registers/events";
	}

	// ---- facilities ----

	record FacilityForm(String unit, String kind, String name, String checkedOn, List<String> items) {

		public boolean hasItem(Object item) {
			return items != null && items.contains(String.valueOf(item));
		}

	}

	@GetMapping("/registers/facilities")
	String facilities(CurrentUser me, @RequestParam(required = false) String page, Model model) {
		return facilitiesPage(me, new FacilityForm(null, null, null, null, List.of()), new FormErrors(),
				pageNumber(page), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities")
	String addFacility(CurrentUser me, FacilityForm form, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		return saved(
				() -> registers.addFacility(me,
						new RegisterPolicy.FacilityEntry(form.unit(), form.kind(), form.name(), form.checkedOn(),
								form.items()),
						request.getRemoteAddr()),
				errors -> facilitiesPage(me, form, errors, 1, model), "/registers/facilities", response, redirect);
	}

	@GetMapping("/registers/facilities/{id}/checks/new")
	String newCheck(CurrentUser me, @PathVariable long id, Model model) {
		return checkForm(me, id, new FacilityForm(null, null, null, null, List.of()), new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities/{id}/checks")
	String addCheck(CurrentUser me, @PathVariable long id, FacilityForm form, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return saved(() -> registers.addCheck(me, id, form.checkedOn(), form.items(), request.getRemoteAddr()),
				errors -> checkForm(me, id, form, errors, model), "/registers/facilities", response, redirect);
	}

	private String facilitiesPage(CurrentUser me, FacilityForm form, FormErrors errors, int page, Model model) {
		model.addAttribute("view", registers.facilities(me, page));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", FacilityKind.values());
		return "registers/facilities";
	}

	private String checkForm(CurrentUser me, long id, FacilityForm form, FormErrors errors, Model model) {
		model.addAttribute("facility", registers.facility(me, id));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "registers/facility-check";
	}

	// ---- interview rooms ----

	record RoomForm(String unit, String name, String establishedOn, String childFriendly) {
	}

	@GetMapping("/registers/rooms")
	String rooms(CurrentUser me, @RequestParam(required = false) String page, Model model) {
		return roomsPage(me, new RoomForm(null, null, null, null), new FormErrors(), pageNumber(page), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/rooms")
	String addRoom(CurrentUser me, RoomForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return saved(
				() -> registers.addRoom(me,
						new RegisterPolicy.RoomEntry(form.unit(), form.name(), form.establishedOn(),
								form.childFriendly()),
						request.getRemoteAddr()),
				errors -> roomsPage(me, form, errors, 1, model), "/registers/rooms", response, redirect);
	}

	private String roomsPage(CurrentUser me, RoomForm form, FormErrors errors, int page, Model model) {
		model.addAttribute("view", registers.rooms(me, page));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "registers/rooms";
	}

	/**
	 * Runs a write: a refusal shows its form again with the reasons (422), a success goes
	 * back to the list with "saved".
	 */
	private static String saved(Runnable write, Function<FormErrors, String> formAgain, String list,
			HttpServletResponse response, RedirectAttributes redirect) {
		return written(write, formAgain, list, "registers.saved", response, redirect);
	}

	/**
	 * Runs a write: a refusal shows its form again with the reasons (422, or 409 when the
	 * record changed meanwhile or is in use), a success goes to {@code next} with the
	 * message.
	 */
	static String written(Runnable write, Function<FormErrors, String> formAgain, String next, String message,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			write.run();
		}
		catch (InvalidRegisterInput ex) {
			response.setStatus(ex.status());
			return formAgain.apply(ex.errors());
		}
		redirect.addFlashAttribute("message", message);
		return "redirect:" + next;
	}

}
