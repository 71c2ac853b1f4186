package vn.trean.cases;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.shared.AttachmentPolicy;
import vn.trean.shared.AttachmentResponse;
import vn.trean.shared.FormErrors;

/**
 * Uploading files to a case and downloading them. A refused upload answers with its own
 * page (422, 409, or 413 when the request is larger than the server reads, see
 * {@code shared/UploadRefusals}) showing why and the form again; a download is always an
 * attachment of the type found in the content, never rendered by the browser.
 */
@Controller
class CaseAttachmentsController {

	private final CaseManagement cases;

	private final CaseAttachments attachments;

	CaseAttachmentsController(CaseManagement cases, CaseAttachments attachments) {
		this.cases = cases;
		this.attachments = attachments;
	}

	/**
	 * Attaches the file; a refused upload is shown again on this address's own page
	 * ({@code Refusals}).
	 */
	@Requires(Action.MANAGE_CASES)
	@PostMapping("/cases/{id}/attachments")
	String upload(Actor actor, @PathVariable CaseId id, @RequestParam int version,
			@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) NoteVisibility visibility, RedirectAttributes redirect) {
		AttachmentPolicy.Upload upload = file == null || file.isEmpty() ? null
				: new AttachmentPolicy.Upload(file.getOriginalFilename(), file);
		attachments.attach(actor, id, version, upload, visibility);
		redirect.addFlashAttribute("message", "attachment.added");
		return "redirect:/cases/" + id;
	}

	/**
	 * Why an upload was refused, with the upload form again; without a refusal to show,
	 * the case itself.
	 */
	@GetMapping("/cases/{id}/attachments")
	String refused(Actor actor, @PathVariable CaseId id, Model model) {
		if (!(model.getAttribute("errors") instanceof FormErrors errors && errors.hasErrors())
				&& model.getAttribute("refusal") == null) {
			return "redirect:/cases/" + id;
		}
		CaseView view = cases.open(actor, id);
		model.addAttribute("view", view);
		model.addAttribute("c", view.protectionCase());
		model.addAttribute("caseId", id.value());
		model.addAttribute("failedStep", CaseStep.ADD_ATTACHMENT);
		return "cases/attachment-refused";
	}

	@GetMapping("/cases/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(Actor actor, @PathVariable CaseId id, @PathVariable AttachmentId attachmentId) {
		CaseAttachments.Download download = attachments.download(actor, id, attachmentId);
		return AttachmentResponse.of(download.fileName(), download.type(), download.content());
	}

}
