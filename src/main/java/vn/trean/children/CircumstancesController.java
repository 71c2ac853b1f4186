package vn.trean.children;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.IdentityEvents;
import vn.trean.identity.Requires;
import vn.trean.shared.AttachmentPolicy;
import vn.trean.shared.AttachmentResponse;
import vn.trean.shared.FormErrors;
import vn.trean.shared.ShownAgainAt;

/**
 * A child's special circumstances (Law on Children, Art. 10) and the supports she is
 * given, on her record: the page, and the forms to record, correct and end an entry and
 * to record and correct a support, and the download of an entry's evidence file. A
 * refused form is shown again on the page ({@code Refusals}); another commune's child is
 * not found, and the refusal is audited.
 */
@Controller
class CircumstancesController {

	private static final String PAGE = "/children/{reference}/circumstances";

	private final CircumstancesPage page;

	private final CircumstanceRecords records;

	private final CircumstanceFiles files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CircumstancesController(CircumstancesPage page, CircumstanceRecords records, CircumstanceFiles files,
			ApplicationEventPublisher events, Clock clock) {
		this.page = page;
		this.records = records;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	String show(Actor actor, @PathVariable ChildReference reference, Model model) {
		page.fill(actor, reference, model);
		return "children/circumstances";
	}

	@Requires(Action.MANAGE_CASES)
	@PostMapping(PAGE + "/entries")
	@ShownAgainAt(PAGE)
	String record(Actor actor, @PathVariable ChildReference reference, @Valid CircumstanceForms.EntryForm form,
			@RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		records.record(actor, reference, form.terms(), upload(file), false);
		return done(reference, "circumstance.recorded", redirect);
	}

	@Requires(Action.MANAGE_CASES)
	@PostMapping(PAGE + "/entries/correct")
	@ShownAgainAt(PAGE)
	String correct(Actor actor, @PathVariable ChildReference reference, @Valid CircumstanceForms.CorrectionForm form,
			@RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		records.correct(actor, reference, form.entry(), form.version(), form.terms(), upload(file), form.reason());
		return done(reference, "circumstance.corrected", redirect);
	}

	/**
	 * The page again with an upload the server refused before reading it (too large,
	 * unreadable, see {@code shared/UploadRefusals}); without a refusal, the page itself.
	 */
	@GetMapping({ PAGE + "/entries", PAGE + "/entries/correct" })
	String refusedUpload(Actor actor, @PathVariable ChildReference reference, Model model) {
		if (!(model.getAttribute("errors") instanceof FormErrors errors && errors.hasErrors())
				&& model.getAttribute("refusal") == null) {
			return "redirect:/children/" + reference + "/circumstances";
		}
		return show(actor, reference, model);
	}

	/**
	 * An entry's evidence file, always as an attachment of the type found in its content,
	 * never rendered by the browser.
	 */
	@GetMapping(PAGE + "/files/{file}")
	ResponseEntity<byte[]> download(Actor actor, @PathVariable ChildReference reference, @PathVariable UUID file) {
		CircumstanceFiles.Download download = files.download(actor, reference, file);
		return AttachmentResponse.of(download.fileName(), download.type(), download.content());
	}

	@Requires(Action.MANAGE_CASES)
	@PostMapping(PAGE + "/entries/end")
	@ShownAgainAt(PAGE)
	String end(Actor actor, @PathVariable ChildReference reference, @Valid CircumstanceForms.EndForm form,
			RedirectAttributes redirect) {
		records.end(actor, reference, form.entry(), form.version(), form.endedOn(), form.endNote());
		return done(reference, "circumstance.ended", redirect);
	}

	@Requires(Action.MANAGE_CASES)
	@PostMapping(PAGE + "/supports")
	@ShownAgainAt(PAGE)
	String recordSupport(Actor actor, @PathVariable ChildReference reference, @Valid CircumstanceForms.SupportForm form,
			RedirectAttributes redirect) {
		records.recordSupport(actor, reference, form.terms(), false);
		return done(reference, "support.recorded", redirect);
	}

	@Requires(Action.MANAGE_CASES)
	@PostMapping(PAGE + "/supports/correct")
	@ShownAgainAt(PAGE)
	String correctSupport(Actor actor, @PathVariable ChildReference reference,
			@Valid CircumstanceForms.SupportCorrectionForm form, RedirectAttributes redirect) {
		records.correctSupport(actor, reference, form.support(), form.version(), form.terms(), form.reason());
		return done(reference, "support.corrected", redirect);
	}

	/**
	 * Not found, as for a child who does not exist; a child out of the user's reach is a
	 * refusal the audit log keeps (outside the request's transaction, which rolled back).
	 */
	@ExceptionHandler(UnknownChild.class)
	ModelAndView unknown(UnknownChild ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		UnknownChild.Refused refused = ex.refused();
		if (refused != null) {
			String asked = request.getMethod() + " " + request.getRequestURI();
			events
				.publishEvent(new IdentityEvents.AccessWasRefused(refused.actor(), "CHILD", refused.child().toString(),
						asked + ": " + refused.reason(), refused.clientAddress(), clock.instant()));
		}
		response.sendError(HttpStatus.NOT_FOUND.value());
		return new ModelAndView();
	}

	private static AttachmentPolicy.@Nullable Upload upload(@Nullable MultipartFile file) {
		return file == null || file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()) ? null
				: new AttachmentPolicy.Upload(file.getOriginalFilename(), file);
	}

	private static String done(ChildReference reference, String message, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", message);
		return "redirect:/children/" + reference + "/circumstances";
	}

}
