package vn.trean.cases;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.shared.FormErrors;

/**
 * Uploading files to a case and downloading them. A refused upload answers with its own
 * page (422, 409, or 413 when the request is larger than the server reads; a file name
 * too long for the server to read is a 422 about the name) showing why and the form
 * again; a download is always an attachment of the type found in the content, never
 * rendered by the browser.
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
		CaseAttachments.Upload upload = file == null || file.isEmpty() ? null
				: new CaseAttachments.Upload(file.getOriginalFilename(), file);
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
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.type().mediaType()))
			.contentLength(download.content().length)
			.header(HttpHeaders.CONTENT_DISPOSITION, download.fileName().contentDisposition())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.cacheControl(CacheControl.noStore())
			.body(download.content());
	}

	/**
	 * Uploads the server refuses before any controller sees them: larger than
	 * {@code spring.servlet.multipart.max-request-size}, or not readable as multipart.
	 * These fail while the request is being dispatched, so this advice is global; it
	 * answers with the attachment page, linking back to the case when the address names
	 * one.
	 */
	@ControllerAdvice
	static class RefusedUploads {

		private static final Pattern CASE_ATTACHMENTS = Pattern.compile("/cases/([0-9a-fA-F-]{36})/attachments");

		@ExceptionHandler(MultipartException.class)
		ModelAndView refused(MultipartException ex, HttpServletRequest request) {
			boolean nameTooLong = partHeaderTooLarge(ex);
			boolean tooLarge = !nameTooLong && ex instanceof MaxUploadSizeExceededException;
			ModelAndView page = new ModelAndView("cases/attachment-refused");
			page.setStatus(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT);
			page.addObject("refusal", nameTooLong ? "attachment.name-too-long"
					: tooLarge ? "attachment.too-large" : "attachment.unreadable");
			page.addObject("errors", new FormErrors());
			Matcher m = CASE_ATTACHMENTS.matcher(request.getRequestURI());
			page.addObject("caseId", m.find() ? caseId(m.group(1)) : null);
			return page;
		}

		/**
		 * Whether the headers of one part were longer than
		 * {@code server.tomcat.max-part-header-size}: Tomcat reports it as a size limit
		 * (which Spring reads as an upload too large), but the only header a browser
		 * makes that long is the file's name.
		 */
		private static boolean partHeaderTooLarge(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SizeLimitExceededException && cause.getMessage() != null
						&& cause.getMessage().startsWith("Header section")) {
					return true;
				}
			}
			return false;
		}

		private static UUID caseId(String text) {
			try {
				return UUID.fromString(text);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
