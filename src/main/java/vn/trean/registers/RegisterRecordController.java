package vn.trean.registers;

import java.util.List;
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
import vn.trean.registers.RegisterController.EventForm;
import vn.trean.registers.RegisterController.FacilityForm;
import vn.trean.registers.RegisterController.MemberForm;
import vn.trean.registers.RegisterController.RoomForm;
import vn.trean.registers.RegisterController.TrainingForm;
import vn.trean.shared.FormErrors;
import vn.trean.identity.Action;
import vn.trean.identity.Requires;

/**
 * Correcting and deleting register records: each record's edit form (the creation form,
 * filled in, with the version it was read at) and a confirmation page whose POST deletes
 * it. A refused change shows the form again with 422 (a broken rule) or 409 (changed
 * meanwhile, or still in use); an accepted one goes back to the list with a message.
 */
@Controller
class RegisterRecordController {

	private final Registers registers;

	RegisterRecordController(Registers registers) {
		this.registers = registers;
	}

	// ---- workforce ----

	@GetMapping("/registers/workforce/{id}/edit")
	String editMember(CurrentUser me, @PathVariable long id, Model model) {
		WorkforceMember m = registers.member(me, id);
		return memberForm(me, id, m.version() + "",
				new MemberForm(m.unit().toString(), m.fullName(), m.role().name(), m.sex().name(),
						m.agency() == null ? "" : m.agency().value() + "", m.activeFrom().toString(),
						m.activeTo() == null ? "" : m.activeTo().toString()),
				new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/workforce/{id}")
	String changeMember(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String version,
			MemberForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return RegisterController.written(
				() -> registers.changeMember(me, id, version,
						new RegisterPolicy.MemberEntry(form.unit(), form.fullName(), form.role(), form.sex(),
								form.agency(), form.activeFrom(), form.activeTo()),
						request.getRemoteAddr()),
				errors -> memberForm(me, id, version, form, errors, model), "/registers/workforce", "registers.changed",
				response, redirect);
	}

	private String memberForm(CurrentUser me, long id, String version, MemberForm form, FormErrors errors,
			Model model) {
		registers.member(me, id);
		model.addAttribute("roles", WorkforceRole.values());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("agencies", registers.agencies(me));
		return editPage(me, "member", "registers.workforce.edit", "/registers/workforce", "registers.workforce",
				"/registers/workforce/" + id, version, form, errors, model);
	}

	@GetMapping("/registers/workforce/{id}/delete")
	String confirmMemberDeletion(CurrentUser me, @PathVariable long id, Model model) {
		return deletePage(registers.memberRemoval(me, id), new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/workforce/{id}/delete")
	String deleteMember(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String version,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return RegisterController.written(() -> registers.deleteMember(me, id, version, request.getRemoteAddr()),
				errors -> deletePage(registers.memberRemoval(me, id), errors, model), "/registers/workforce",
				"registers.deleted", response, redirect);
	}

	// ---- trainings ----

	@GetMapping("/registers/trainings/{id}/edit")
	String editTraining(CurrentUser me, @PathVariable long id, Model model) {
		Registers.TrainingRecord record = registers.trainingRecord(me, id);
		Training t = record.training();
		return trainingForm(me, id, t.version() + "",
				new TrainingForm(t.unit().toString(), t.heldOn().toString(), t.topic(), t.organiser(), t.kind().name(),
						record.participants().stream().map(String::valueOf).toList()),
				record.counts(), new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/trainings/{id}")
	String changeTraining(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String version,
			TrainingForm form, @RequestParam Map<String, String> fields, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return RegisterController.written(
				() -> registers.changeTraining(me, id, version,
						new RegisterPolicy.TrainingEntry(form.unit(), form.heldOn(), form.topic(), form.organiser(),
								form.kind(), form.participants(), fields),
						request.getRemoteAddr()),
				errors -> trainingForm(me, id, version, form, fields, errors, model), "/registers/trainings",
				"registers.changed", response, redirect);
	}

	private String trainingForm(CurrentUser me, long id, String version, TrainingForm form, Map<String, String> counts,
			FormErrors errors, Model model) {
		Training training = registers.training(me, id);
		model.addAttribute("action", "/registers/trainings/" + id);
		model.addAttribute("version", version);
		return RegisterController.trainingForm(registers, me, training.unit().toString(), form, counts, errors, model);
	}

	@GetMapping("/registers/trainings/{id}/delete")
	String confirmTrainingDeletion(CurrentUser me, @PathVariable long id, Model model) {
		return deletePage(registers.trainingRemoval(me, id), new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/trainings/{id}/delete")
	String deleteTraining(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String version,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return RegisterController.written(() -> registers.deleteTraining(me, id, version, request.getRemoteAddr()),
				errors -> deletePage(registers.trainingRemoval(me, id), errors, model), "/registers/trainings",
				"registers.deleted", response, redirect);
	}

	// ---- communication events ----

	@GetMapping("/registers/events/{id}/edit")
	String editEvent(CurrentUser me, @PathVariable long id, Model model) {
		Registers.EventRecord record = registers.eventRecord(me, id);
		CommunicationEvent e = record.event();
		return eventForm(
				me, id, e.version() + "", new EventForm(e.unit().toString(), e.heldOn().toString(), e.type(),
						e.channel(), e.audience(), e.reach() + "", e.materials(), record.households()),
				new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/events/{id}")
	String changeEvent(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String version,
			EventForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return RegisterController.written(
				() -> registers.changeEvent(me, id, version,
						new RegisterPolicy.EventEntry(form.unit(), form.heldOn(), form.type(), form.channel(),
								form.audience(), form.reach(), form.materials(), form.households()),
						request.getRemoteAddr()),
				errors -> eventForm(me, id, version, form, errors, model), "/registers/events", "registers.changed",
				response, redirect);
	}

	private String eventForm(CurrentUser me, long id, String version, EventForm form, FormErrors errors, Model model) {
		registers.event(me, id);
		return editPage(me, "event", "registers.events.edit", "/registers/events", "registers.events",
				"/registers/events/" + id, version, form, errors, model);
	}

	@GetMapping("/registers/events/{id}/delete")
	String confirmEventDeletion(CurrentUser me, @PathVariable long id, Model model) {
		return deletePage(registers.eventRemoval(me, id), new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/events/{id}/delete")
	String deleteEvent(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String version,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return RegisterController.written(() -> registers.deleteEvent(me, id, version, request.getRemoteAddr()),
				errors -> deletePage(registers.eventRemoval(me, id), errors, model), "/registers/events",
				"registers.deleted", response, redirect);
	}

	// ---- facilities and their checks ----

	@GetMapping("/registers/facilities/{id}/edit")
	String editFacility(CurrentUser me, @PathVariable long id, Model model) {
		Facility f = registers.facility(me, id);
		return facilityForm(me, id, f.version() + "",
				new FacilityForm(f.unit().toString(), f.kind().name(), f.name(), null, List.of()), new FormErrors(),
				model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities/{id}")
	String changeFacility(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String version,
			FacilityForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return RegisterController.written(
				() -> registers.changeFacility(me, id, version,
						new RegisterPolicy.FacilityEntry(form.unit(), form.kind(), form.name(), null, List.of()),
						request.getRemoteAddr()),
				errors -> facilityForm(me, id, version, form, errors, model), "/registers/facilities",
				"registers.changed", response, redirect);
	}

	private String facilityForm(CurrentUser me, long id, String version, FacilityForm form, FormErrors errors,
			Model model) {
		model.addAttribute("facility", registers.facility(me, id));
		model.addAttribute("checks", registers.checks(me, id));
		model.addAttribute("kinds", FacilityKind.values());
		return editPage(me, "facility", "registers.facilities.edit", "/registers/facilities", "registers.facilities",
				"/registers/facilities/" + id, version, form, errors, model);
	}

	@GetMapping("/registers/facilities/{id}/delete")
	String confirmFacilityDeletion(CurrentUser me, @PathVariable long id, Model model) {
		return deletePage(registers.facilityRemoval(me, id), new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities/{id}/delete")
	String deleteFacility(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String version,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return RegisterController.written(() -> registers.deleteFacility(me, id, version, request.getRemoteAddr()),
				errors -> deletePage(registers.facilityRemoval(me, id), errors, model), "/registers/facilities",
				"registers.deleted", response, redirect);
	}

	@GetMapping("/registers/facilities/{id}/checks/{checkId}/edit")
	String editCheck(CurrentUser me, @PathVariable long id, @PathVariable long checkId, Model model) {
		CapacityCheck check = registers.check(me, id, checkId);
		return checkForm(me, id, checkId, check.version() + "", new FacilityForm(null, null, null,
				check.checkedOn().toString(), check.items().stream().map(Enum::name).toList()), new FormErrors(),
				model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities/{id}/checks/{checkId}")
	String changeCheck(CurrentUser me, @PathVariable long id, @PathVariable long checkId,
			@RequestParam(required = false) String version, FacilityForm form, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return RegisterController.written(
				() -> registers.changeCheck(me, id, checkId, version, form.checkedOn(), form.items(),
						request.getRemoteAddr()),
				errors -> checkForm(me, id, checkId, version, form, errors, model),
				"/registers/facilities/" + id + "/edit", "registers.changed", response, redirect);
	}

	private String checkForm(CurrentUser me, long id, long checkId, String version, FacilityForm form,
			FormErrors errors, Model model) {
		registers.check(me, id, checkId);
		model.addAttribute("facility", registers.facility(me, id));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("action", "/registers/facilities/" + id + "/checks/" + checkId);
		model.addAttribute("version", version);
		return "registers/facility-check";
	}

	@GetMapping("/registers/facilities/{id}/checks/{checkId}/delete")
	String confirmCheckDeletion(CurrentUser me, @PathVariable long id, @PathVariable long checkId, Model model) {
		return deletePage(registers.checkRemoval(me, id, checkId), new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities/{id}/checks/{checkId}/delete")
	String deleteCheck(CurrentUser me, @PathVariable long id, @PathVariable long checkId,
			@RequestParam(required = false) String version, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		return RegisterController.written(
				() -> registers.deleteCheck(me, id, checkId, version, request.getRemoteAddr()),
				errors -> deletePage(registers.checkRemoval(me, id, checkId), errors, model),
				"/registers/facilities/" + id + "/edit", "registers.deleted", response, redirect);
	}

	// ---- interview rooms ----

	@GetMapping("/registers/rooms/{id}/edit")
	String editRoom(CurrentUser me, @PathVariable long id, Model model) {
		InterviewRoom r = registers.room(me, id);
		return roomForm(me, id, r.version() + "", new RoomForm(r.unit().toString(), r.name(),
				r.establishedOn().toString(), Boolean.toString(r.childFriendly())), new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/rooms/{id}")
	String changeRoom(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String version,
			RoomForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return RegisterController.written(
				() -> registers.changeRoom(me, id, version,
						new RegisterPolicy.RoomEntry(form.unit(), form.name(), form.establishedOn(),
								form.childFriendly()),
						request.getRemoteAddr()),
				errors -> roomForm(me, id, version, form, errors, model), "/registers/rooms", "registers.changed",
				response, redirect);
	}

	private String roomForm(CurrentUser me, long id, String version, RoomForm form, FormErrors errors, Model model) {
		registers.room(me, id);
		return editPage(me, "room", "registers.rooms.edit", "/registers/rooms", "registers.rooms",
				"/registers/rooms/" + id, version, form, errors, model);
	}

	@GetMapping("/registers/rooms/{id}/delete")
	String confirmRoomDeletion(CurrentUser me, @PathVariable long id, Model model) {
		return deletePage(registers.roomRemoval(me, id), new FormErrors(), model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/rooms/{id}/delete")
	String deleteRoom(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String version,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return RegisterController.written(() -> registers.deleteRoom(me, id, version, request.getRemoteAddr()),
				errors -> deletePage(registers.roomRemoval(me, id), errors, model), "/registers/rooms",
				"registers.deleted", response, redirect);
	}

	// ---- pages ----

	/**
	 * The edit page of a record: the register's fields (a fragment of
	 * {@code registers/partials/forms}) filled in, with the version read.
	 */
	private String editPage(CurrentUser me, String fields, String heading, String list, String listLabel, String action,
			String version, Object form, FormErrors errors, Model model) {
		model.addAttribute("fields", fields);
		model.addAttribute("heading", heading);
		model.addAttribute("list", list);
		model.addAttribute("listLabel", listLabel);
		model.addAttribute("action", action);
		model.addAttribute("version", version);
		model.addAttribute("units", registers.writableUnits(me));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "registers/edit";
	}

	private String deletePage(Registers.Removal removal, FormErrors errors, Model model) {
		model.addAttribute("removal", removal);
		model.addAttribute("errors", errors);
		return "registers/delete";
	}

}
