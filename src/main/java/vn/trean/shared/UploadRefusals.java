package vn.trean.shared;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Uploads the server refuses before any controller sees them: larger than
 * {@code spring.servlet.multipart.max-request-size}, a file name longer than
 * {@code server.tomcat.max-part-header-size}, or not readable as multipart. They fail
 * while the request is being dispatched, before a handler is chosen, so this advice is
 * global. Like every other refusal ({@link Refusals}), the page of the upload's own
 * address is shown again by its GET handler, with the error on the field {@code file}:
 * 413 for a body too large, 422 otherwise. Each address that takes files
 * ({@link RefusedUploads}) therefore has a GET handler that shows its form with the
 * refusal.
 */
@ControllerAdvice
class UploadRefusals {

	@ExceptionHandler(MultipartException.class)
	void refused(MultipartException ex, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		boolean nameTooLong = partHeaderTooLarge(ex);
		boolean tooLarge = !nameTooLong && ex instanceof MaxUploadSizeExceededException;
		String key = nameTooLong ? "upload.name-too-long" : tooLarge ? "upload.too-large" : "upload.unreadable";
		Refusal refusal = new Refusal(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT,
				new FormErrors().reject("file", key), null, null);
		Refusals.showAgain(refusal, request.getRequestURI().substring(request.getContextPath().length()), request,
				response);
	}

	/**
	 * Whether the headers of one part were longer than
	 * {@code server.tomcat.max-part-header-size}: Tomcat reports it as a size limit
	 * (which Spring reads as an upload too large), but the only header a browser makes
	 * that long is the file's name.
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

}
