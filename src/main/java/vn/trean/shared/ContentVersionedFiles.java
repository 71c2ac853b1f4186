package vn.trean.shared;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files named by a hash of their content: the pages link {@code /css/app.css} as
 * {@code /css/app-<md5>.css} (Thymeleaf's {@code @{…}} passes through the resource URL
 * encoding filter). Such an address never answers anything else, so browsers and proxies
 * keep it a year without asking again; a release that changes the file changes the
 * address. The same file asked for by its plain name (the bare error answers link it so,
 * and so may a bookmark) can change with any release and is revalidated on every use.
 * <p>
 * The lifetime travels with the file rather than with the handler: a revalidation that
 * finds the file unchanged (304) then carries no lifetime and leaves the browser's own as
 * it was.
 */
final class ContentVersionedFiles extends VersionResourceResolver {

	/** The lifetime of a file asked for by its content-versioned name. */
	static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** The lifetime of a file asked for by its plain name. */
	static final CacheControl PLAIN = CacheControl.noCache();

	ContentVersionedFiles() {
		addContentVersionStrategy("/**");
	}

	@Override
	protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		Resource file = super.resolveResourceInternal(request, requestPath, locations, chain);
		if (file == null || request == null) {
			return file;
		}
		// found by another name than its own: a version was taken off the name asked for,
		// and it matched the content
		boolean versioned = !StringUtils.getFilename(requestPath).equals(file.getFilename());
		return new WithLifetime(file, versioned ? VERSIONED : PLAIN);
	}

	/**
	 * A file answered with the given Cache-Control (and the headers it brings itself).
	 * Two are equal only with the same lifetime: the resource chain keeps transformed
	 * files by equality, and a resource is otherwise equal to any other of the same
	 * description.
	 */
	static final class WithLifetime extends AbstractResource implements HttpResource {

		private final Resource file;

		private final String lifetime;

		private final HttpHeaders headers = new HttpHeaders();

		WithLifetime(Resource file, CacheControl lifetime) {
			this.file = file;
			this.lifetime = lifetime.getHeaderValue();
			if (file instanceof HttpResource own) {
				this.headers.putAll(own.getResponseHeaders());
			}
			this.headers.setCacheControl(lifetime);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof WithLifetime that && this.file.equals(that.file)
					&& this.lifetime.equals(that.lifetime);
		}

		@Override
		public int hashCode() {
			return this.file.hashCode() * 31 + this.lifetime.hashCode();
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			return this.headers;
		}

		@Override
		public boolean exists() {
			return this.file.exists();
		}

		@Override
		public boolean isReadable() {
			return this.file.isReadable();
		}

		@Override
		public URL getURL() throws IOException {
			return this.file.getURL();
		}

		@Override
		public URI getURI() throws IOException {
			return this.file.getURI();
		}

		@Override
		public File getFile() throws IOException {
			return this.file.getFile();
		}

		@Override
		public long contentLength() throws IOException {
			return this.file.contentLength();
		}

		@Override
		public long lastModified() throws IOException {
			return this.file.lastModified();
		}

		@Override
		public Resource createRelative(String relativePath) throws IOException {
			return this.file.createRelative(relativePath);
		}

		@Override
		public @Nullable String getFilename() {
			return this.file.getFilename();
		}

		@Override
		public String getDescription() {
			return this.file.getDescription();
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.file.getInputStream();
		}

	}

}
