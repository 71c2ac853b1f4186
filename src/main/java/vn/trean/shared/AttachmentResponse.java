package vn.trean.shared;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a stored attachment (a case's file, a special circumstance's evidence) is sent:
 * always as a download of the type found in its content, never rendered or sniffed by the
 * browser, never cached.
 */
public final class AttachmentResponse {

	private AttachmentResponse() {
	}

	public static ResponseEntity<byte[]> of(AttachmentFileName fileName, AttachmentType type, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type.mediaType()))
			.contentLength(content.length)
			.header(HttpHeaders.CONTENT_DISPOSITION, fileName.contentDisposition())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.cacheControl(CacheControl.noStore())
			.body(content);
	}

}
