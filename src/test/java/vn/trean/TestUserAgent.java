package vn.trean;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A cookie-keeping HTTP client for integration tests, standing in for a browser without
 * JavaScript: it follows no redirects on its own, remembers the last CSRF token it saw in
 * a page, and can sign in with the second factor.
 */
public class TestUserAgent {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private String csrf;

	private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

	private String forwardedFor = newClientAddress();

	/**
	 * A client address no other agent of this test run uses (198.18.0.0/15, the range set
	 * aside for tests), so per-address limits of one test never touch another.
	 */
	public static String newClientAddress() {
		int n = CLIENTS.incrementAndGet();
		return "198." + (18 + (n >> 16) % 2) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	/** Every agent comes from an address of its own ({@link #newClientAddress()}). */
	public TestUserAgent(int port) {
		this("http://localhost:" + port);
	}

	/**
	 * An agent that connects to the given address, such as {@code http://[::1]:port}: a
	 * peer the tests do not configure as a trusted proxy.
	 */
	public TestUserAgent(String base) {
		this.base = base;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** One HTTP answer. */
	public record Response(int status, String body, HttpHeaders headers) {

		public String location() {
			return headers.firstValue("Location").orElse(null);
		}

	}

	/**
	 * Sends every later request as if it came through a proxy from the given client
	 * address ({@code X-Forwarded-For}).
	 */
	public TestUserAgent forwardedFor(String clientAddress) {
		this.forwardedFor = clientAddress;
		return this;
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Response get(String path, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
		headers.forEach(builder::header);
		return send(builder);
	}

	/** Posts a form with the CSRF token of the last page seen. */
	public Response post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (csrf != null && !fields.containsKey("_csrf")) {
			fields.put("_csrf", csrf);
		}
		return postRaw(path, fields);
	}

	/**
	 * Posts a form whose fields may repeat (check boxes), in the given order, with the
	 * CSRF token of the last page seen.
	 */
	public Response post(String path, List<Map.Entry<String, String>> form) {
		List<Map.Entry<String, String>> fields = new ArrayList<>(form);
		if (csrf != null && fields.stream().noneMatch(e -> e.getKey().equals("_csrf"))) {
			fields.add(Map.entry("_csrf", csrf));
		}
		return postEncoded(path, fields);
	}

	/** Posts exactly the given fields (no CSRF token added). */
	public Response postRaw(String path, Map<String, String> fields) {
		return postEncoded(path, fields.entrySet());
	}

	private Response postEncoded(String path, Collection<Map.Entry<String, String>> fields) {
		String body = fields.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** One file of a multipart form, with the content type the sender claims. */
	public record FilePart(String field, String fileName, String contentType, byte[] content) {
	}

	/**
	 * Posts a multipart form ({@code enctype="multipart/form-data"}) with a file, as a
	 * browser does: the fields in order, the CSRF token of the last page seen as a field,
	 * then the file with its name in UTF-8.
	 */
	public Response postMultipart(String path, Map<String, String> form, FilePart file) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (csrf != null && !fields.containsKey("_csrf")) {
			fields.put("_csrf", csrf);
		}
		String boundary = "----TreAnTestBoundary" + Long.toHexString(System.nanoTime());
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(file.content().length + 1024);
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
				+ "\"; filename=\"" + file.fileName().replace("\"", "%22") + "\"\r\nContent-Type: " + file.contentType()
				+ "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file.content());
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** One HTTP answer whose body is kept as bytes (a PDF, an image). */
	public record Download(int status, byte[] body, HttpHeaders headers) {

		public String contentType() {
			return headers.firstValue("Content-Type").orElse(null);
		}

	}

	/** Gets a path and keeps the body as bytes. */
	public Download download(String path) {
		return download(path, Map.of());
	}

	/**
	 * Gets a path with the given request headers and keeps the body as sent (compressed
	 * when asked for with {@code Accept-Encoding}).
	 */
	public Download download(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		headers.forEach(request::header);
		if (forwardedFor != null) {
			request.setHeader("X-Forwarded-For", forwardedFor);
		}
		try {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response send(HttpRequest.Builder request) {
		if (forwardedFor != null) {
			request.setHeader("X-Forwarded-For", forwardedFor);
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = CSRF.matcher(response.body());
			if (m.find()) {
				csrf = m.group(1);
			}
			return new Response(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Signs in with password and the TOTP code of now; returns the last answer (a
	 * redirect to the start page).
	 */
	public Response signIn(String username, String password, String totpSecret) {
		get("/login");
		Response afterPassword = post("/login", Map.of("username", username, "password", password));
		if (afterPassword.location() == null || !afterPassword.location().endsWith("/login/second-factor")) {
			return afterPassword;
		}
		get("/login/second-factor");
		return post("/login/second-factor", Map.of("code", totp(totpSecret, Instant.now())));
	}

	public Response signIn(String username) {
		return signIn(username, TestAccounts.PASSWORD, TestAccounts.TOTP_SECRET);
	}

	/**
	 * The RFC 6238 code of a Base32 secret at a time, computed independently of the
	 * application.
	 */
	public static String totp(String base32Secret, Instant at) {
		try {
			byte[] key = base32(base32Secret);
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] digest = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
			int offset = digest[19] & 0xf;
			int value = java.nio.ByteBuffer.wrap(digest, offset, 4).getInt() & 0x7fffffff;
			return String.format("%06d", value % 1_000_000);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
