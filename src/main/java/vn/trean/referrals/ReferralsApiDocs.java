package vn.trean.referrals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ProblemDetail;

/**
 * What the OpenAPI document says of every step of the referrals API, in one place: the
 * Idempotency-Key it needs and the problems it may answer.
 */
final class ReferralsApiDocs {

	private ReferralsApiDocs() {
	}

	/** A step: its key, and its refusals beyond those of every endpoint. */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true,
			description = "Client-chosen key (at most 200 characters) that makes retries safe: the same key with the "
					+ "same request answers as before and changes nothing; with another request 409",
			schema = @Schema(type = "string", maxLength = 200))
	@ApiResponse(responseCode = "409",
			description = "Not in a state for this step (referral.transition.refused), changed meanwhile, or the "
					+ "Idempotency-Key used for another request (api.idempotency-key.reused)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "415", description = "A body that is not JSON",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "A value the step refuses: errors by field",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@interface Step {

	}

}
