package vn.trean.referrals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.shared.ApiProblems;
import vn.trean.shared.CanonicalJson;
import vn.trean.shared.FormErrors;

/**
 * {@code /api/v1/referrals}: an agency's own system lists the referrals sent to its
 * agency (only its sector's share of each), accepts or declines them and reports progress
 * and the outcome, as its focal points do on the pages. Every step needs an
 * {@code Idempotency-Key}; every refusal is an RFC 9457 problem in the caller's language.
 * <p>
 * No permission in {@link Requires}: the token's REFERRALS permission is checked by the
 * API filter chain, its agency against the referral's by {@link ReferralStep}. Any
 * content type is taken in, so a wrong one gets this API's translated 415.
 */
@RestController
@Tag(name = "Referrals to an agency")
@ApiResponse(responseCode = "400",
		description = "A parameter or value of the wrong kind; for a step, also a missing or invalid "
				+ "Idempotency-Key, or a body that is no JSON object",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403",
		description = "Not the token's agency's referral (detail access.refused.agency), or a field outside its "
				+ "share (detail referral.share.field-not-shared); logged",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such referral (a draft is none)",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
class ReferralsApiController {

	private static final int MAX_KEY = 200;

	private static final String FIELDS = "Fields of the share to answer with, comma-separated (none: the whole share); "
			+ "a field outside the agency's share is refused with 403";

	private static final String STEP = " Needs an Idempotency-Key. Acts on the referral's current version.";

	private final ReferralsApi api;

	private final ReferralApiBody bodies;

	private final ReferralAnswers answers;

	private final ApiProblems problems;

	ReferralsApiController(ReferralsApi api, ReferralApiBody bodies, ReferralAnswers answers, ApiProblems problems) {
		this.api = api;
		this.bodies = bodies;
		this.answers = answers;
		this.problems = problems;
	}

	@GetMapping(path = "/api/v1/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The agency's referrals, the nearest deadline first",
			description = "Open referrals first, by their next deadline, then the others, the latest sent first; "
					+ "50 a page. Each carries the fields of the agency's share; each one that does is recorded "
					+ "as a disclosure on the API channel.")
	ReferralJson.Listing list(@Parameter(hidden = true) Actor actor,
			@Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = FIELDS) @RequestParam(required = false) @Nullable Set<ShareField> fields) {
		return api.list(actor, Math.max(0, page), fields == null ? Set.of() : fields);
	}

	@GetMapping(path = "/api/v1/referrals/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One referral with the agency's share and its history")
	ReferralJson one(@Parameter(hidden = true) Actor actor,
			@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable ReferralId id,
			@Parameter(description = FIELDS) @RequestParam(required = false) @Nullable Set<ShareField> fields) {
		return api.one(actor, id, fields == null ? Set.of() : fields);
	}

	// no permission: the token's REFERRALS permission is checked by the API filter chain
	@Requires({})
	@PostMapping(path = "/api/v1/referrals/{id}/acceptance",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	@Operation(summary = "Accept a referral that was sent", description = "Body: none, or {}." + STEP)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
			content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
	@ApiResponse(responseCode = "200", description = "Accepted: the referral's envelope",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralJson.class)))
	@ReferralsApiDocs.Step
	ResponseEntity<?> accept(@Parameter(hidden = true) Actor actor,
			@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable ReferralId id,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@RequestBody(required = false) byte @Nullable [] body, HttpServletRequest request) {
		return step(actor, id, key, body, request, null, 200, (version, none) -> answers.accept(actor, id, version));
	}

	// no permission: the token's REFERRALS permission is checked by the API filter chain
	@Requires({})
	@PostMapping(path = "/api/v1/referrals/{id}/declination",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	@Operation(summary = "Decline a referral that was sent, saying why", description = "Body: {reason}." + STEP)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = Referrals.Reason.class)))
	@ApiResponse(responseCode = "200", description = "Declined: the referral's envelope",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralJson.class)))
	@ReferralsApiDocs.Step
	ResponseEntity<?> decline(@Parameter(hidden = true) Actor actor,
			@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable ReferralId id,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@RequestBody(required = false) byte @Nullable [] body, HttpServletRequest request) {
		return step(actor, id, key, body, request, Referrals.Reason.class, 200,
				(version, reason) -> answers.decline(actor, id, version, reason));
	}

	// no permission: the token's REFERRALS permission is checked by the API filter chain
	@Requires({})
	@PostMapping(path = "/api/v1/referrals/{id}/notes",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	@Operation(summary = "Report progress on an accepted referral (the case officer reads it)",
			description = "Body: {text}." + STEP)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = ReferralAnswers.ProgressNote.class)))
	@ApiResponse(responseCode = "201",
			description = "Noted: the referral's envelope; Location is the referral, whose history holds the note",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralJson.class)))
	@ReferralsApiDocs.Step
	ResponseEntity<?> note(@Parameter(hidden = true) Actor actor,
			@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable ReferralId id,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@RequestBody(required = false) byte @Nullable [] body, HttpServletRequest request) {
		return step(actor, id, key, body, request, ReferralAnswers.ProgressNote.class, 201,
				(version, note) -> answers.noteProgress(actor, id, version, note));
	}

	// no permission: the token's REFERRALS permission is checked by the API filter chain
	@Requires({})
	@PostMapping(path = "/api/v1/referrals/{id}/outcome",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	@Operation(summary = "Report the outcome of an accepted referral",
			description = "Body: the outcome report of the agency's kind (a school's, a health facility's, the "
					+ "police's, or a service's sessions), as the referral page's form has it; every date neither "
					+ "before the referral was sent nor in the future." + STEP)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
			schema = @Schema(
					oneOf = { SchoolOutcome.class, HealthOutcome.class, PoliceOutcome.class, ServiceOutcome.class })))
	@ApiResponse(responseCode = "201", description = "Reported: the referral's envelope; Location is the referral",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralJson.class)))
	@ReferralsApiDocs.Step
	ResponseEntity<?> complete(@Parameter(hidden = true) Actor actor,
			@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable ReferralId id,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@RequestBody(required = false) byte @Nullable [] body, HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		Class<OutcomeReport> type = (Class<OutcomeReport>) api.outcomeTypeOf(id);
		return step(actor, id, key, body, request, type, 201,
				(version, report) -> answers.complete(actor, id, version, new ReferralAnswers.Completion(report)));
	}

	/** The key was used before for another request: 409. */
	@ExceptionHandler(ReferralsApi.KeyReused.class)
	ResponseEntity<ProblemDetail> reused(HttpServletRequest request) {
		return reused(ApiProblems.localeOf(request));
	}

	/**
	 * Checks the key and reads the body, then takes the step once for the key (a race on
	 * the key: the first request's answer).
	 */
	private <T> ResponseEntity<?> step(Actor actor, ReferralId id, @Nullable String key, byte @Nullable [] body,
			HttpServletRequest request, @Nullable Class<T> type, int status, BiConsumer<Integer, T> step) {
		Locale locale = actor.locale();
		if (key == null) {
			return problems.problem(HttpStatus.BAD_REQUEST, "api.idempotency-key.required", locale, null);
		}
		if (key.isBlank() || key.length() > MAX_KEY || FormErrors.hasControlCharacter(key)) {
			return problems.problem(HttpStatus.BAD_REQUEST, "api.idempotency-key.invalid", locale, null);
		}
		ReferralApiBody.Read<T> read = bodies.read(body, request.getContentType(), type);
		if (read.problem() != null) {
			return problems.problem(read.problem().status(), read.problem().titleKey(), locale,
					read.problem().fields());
		}
		String hash = CanonicalJson.hash((request.getMethod() + " " + request.getRequestURI() + " "
				+ new String(read.content(), StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8));
		try {
			return answer(api.step(actor, key, hash, status, id, version -> step.accept(version, read.value())), id);
		}
		catch (DuplicateKeyException ex) {
			// the same key arrived twice at once: the first one won, answer as it did
			return api.previous(actor.client(), key, hash)
				.<ResponseEntity<?>>map(a -> answer(a, id))
				.orElseGet(() -> reused(locale));
		}
	}

	private static ResponseEntity<?> answer(ReferralsApi.Answer answer, ReferralId id) {
		ResponseEntity.BodyBuilder builder = answer.status() == 201
				? ResponseEntity.created(URI.create("/api/v1/referrals/" + id))
				: ResponseEntity.status(answer.status());
		return builder.contentType(MediaType.APPLICATION_JSON).body(answer.body());
	}

	private ResponseEntity<ProblemDetail> reused(Locale locale) {
		return problems.problem(HttpStatus.CONFLICT, "api.idempotency-key.reused", locale, null);
	}

}
