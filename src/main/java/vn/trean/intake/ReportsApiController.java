package vn.trean.intake;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.trean.identity.Actor;
import vn.trean.identity.ApiClient;
import vn.trean.identity.Requires;
import vn.trean.shared.ApiProblems;
import vn.trean.shared.FormErrors;

/**
 * {@code POST /api/v1/reports}: other systems report abuse with the same rules as the
 * form. Idempotent with the {@code Idempotency-Key} header; errors are RFC 9457 problem
 * details that name each invalid field.
 */
@RestController
@Tag(name = "Reports of abuse")
class ReportsApiController {

	private static final int MAX_KEY = 200;

	private final IntakeApi api;

	private final ReportsApiBody bodies;

	private final ApiProblems problems;

	ReportsApiController(IntakeApi api, JsonMapper json, ApiProblems problems) {
		this.api = api;
		this.bodies = new ReportsApiBody(json);
		this.problems = problems;
	}

	// any content type is taken in, so that a wrong one gets this API's translated
	// problem (415) rather than the server's generic error, answered before any handler
	// no permission: the API token's INTAKE permission is checked by the API filter chain
	@Requires({})
	@PostMapping(path = "/api/v1/reports",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	@Operation(summary = "Record a report of abuse (Mẫu 01)",
			description = "Same validation as the form. Values must be of their exact kind (a whole number for an "
					+ "id, true or false for a yes/no, text for a text), texts without control characters (but tabs "
					+ "and line breaks in the account); otherwise 400 naming the field. A retry with the same "
					+ "Idempotency-Key and the same content (however laid out) returns the original answer and "
					+ "creates nothing; the same key with other content answers 409.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ReportDraft.class)))
	ResponseEntity<?> submit(Actor actor,
			@Parameter(description = "Client-chosen key that makes retries safe") @RequestHeader(
					name = "Idempotency-Key", required = false) String key,
			@RequestBody(required = false) byte[] body, HttpServletRequest request) {
		Locale locale = actor.locale();
		if (!json(request.getContentType())) {
			return problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.body.media-type", locale, null);
		}
		if (body == null || body.length == 0) {
			return malformed(locale);
		}
		if (key != null && (key.isBlank() || key.length() > MAX_KEY || FormErrors.hasControlCharacter(key))) {
			return problems.problem(HttpStatus.BAD_REQUEST, "api.idempotency-key.invalid", locale, null);
		}
		return submit(actor.client(), key, bodies.read(body), locale);
	}

	/** Submits the draft read from the body, unless a value was refused. */
	private ResponseEntity<?> submit(ApiClient client, String key, ReportsApiBody.Read read, Locale locale) {
		if (read.problem() != null) {
			return problems.problem(HttpStatus.BAD_REQUEST, read.problem(), locale, null);
		}
		if (!read.refused().isEmpty()) {
			return problems.problem(HttpStatus.BAD_REQUEST, "api.body.invalid-value", locale, read.refused());
		}
		if (read.draft() == null || read.content() == null) {
			return malformed(locale);
		}
		byte[] content = read.content();
		try {
			IntakeApi.Answer answer = api.submit(client, key, content, read.draft());
			if (answer.created() == null) {
				return stored(answer);
			}
			return ResponseEntity.created(URI.create("/api/v1/reports/" + answer.created()))
				.contentType(MediaType.APPLICATION_JSON)
				.body(answer.body());
		}
		catch (DuplicateKeyException ex) {
			// the same key arrived twice at once: the first one won, answer as it did
			return api.previous(client, key, content)
				.<ResponseEntity<?>>map(this::stored)
				.orElseGet(() -> reused(locale));
		}
	}

	/** A report that breaks the report's rules: 422 naming every field. */
	@ExceptionHandler(InvalidReport.class)
	ResponseEntity<ProblemDetail> invalid(InvalidReport ex, HttpServletRequest request) {
		return problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "api.body.invalid", ApiProblems.localeOf(request),
				ex.errors().asMap());
	}

	/** The key was sent before with other content: 409. */
	@ExceptionHandler(IntakeApi.KeyReused.class)
	ResponseEntity<ProblemDetail> reused(HttpServletRequest request) {
		return reused(ApiProblems.localeOf(request));
	}

	private ResponseEntity<ProblemDetail> reused(Locale locale) {
		return problems.problem(HttpStatus.CONFLICT, "api.idempotency-key.reused", locale, null);
	}

	private ResponseEntity<ProblemDetail> malformed(Locale locale) {
		return problems.problem(HttpStatus.BAD_REQUEST, "api.body.malformed", locale, null);
	}

	private static boolean json(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
		}
		catch (RuntimeException ex) {
			// none, or not a media type at all
			return false;
		}
	}

	private ResponseEntity<?> stored(IntakeApi.Answer answer) {
		return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
	}

}
