package vn.trean.referrals;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.trean.shared.CanonicalJson;
import vn.trean.shared.ExactJson;
import vn.trean.shared.Refusal;

/**
 * Reads the body of a step posted to the referrals API: JSON only (415 otherwise), read
 * as a tree whose every property must be one the step takes and of its exact kind (400
 * naming each, {@link ExactJson}), then bound and validated as the page's form is (422,
 * {@link InvalidReferralInput}). The canonical content (keys sorted) is what a retry is
 * compared by; an empty body is the empty object.
 */
@Component
class ReferralApiBody {

	/** The texts that may hold tabs and line breaks: the notes, reasons and summaries. */
	private static final Set<String> MULTI_LINE = Set.of("reason", "text", "summary");

	/** A body refused before it was bound: the status, the title and the fields named. */
	record Problem(HttpStatus status, String titleKey, Map<String, String> fields) {
	}

	/**
	 * What reading gave: the content a retry is compared by, the bound value or a
	 * problem.
	 */
	record Read<T>(byte[] content, @Nullable T value, @Nullable Problem problem) {
	}

	private final CanonicalJson canonical;

	private final JsonMapper json;

	private final SpringValidatorAdapter validator;

	ReferralApiBody(JsonMapper json, Validator validator) {
		this.json = json;
		this.canonical = new CanonicalJson(json);
		this.validator = new SpringValidatorAdapter(validator);
	}

	/**
	 * The body read as a {@code type} ({@code null}: a step that takes no property).
	 * @throws InvalidReferralInput when the bound value breaks its constraints
	 */
	<T> Read<T> read(byte @Nullable [] body, @Nullable String contentType, @Nullable Class<T> type) {
		boolean empty = body == null || body.length == 0;
		if (!empty && !json(contentType)) {
			return refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.body.media-type", Map.of());
		}
		JsonNode tree;
		try {
			tree = canonical.read(empty ? "{}".getBytes(StandardCharsets.UTF_8) : body);
		}
		catch (JacksonException ex) {
			return refused(HttpStatus.BAD_REQUEST, "api.body.malformed", Map.of());
		}
		if (!tree.isObject()) {
			return refused(HttpStatus.BAD_REQUEST, "api.body.malformed", Map.of());
		}
		Map<String, String> refused = new LinkedHashMap<>();
		Set<String> known = type == null ? Set.of()
				: Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
		tree.propertyNames()
			.stream()
			.filter(n -> !known.contains(n))
			.forEach(n -> refused.put(n, "api.body.unknown-property"));
		if (type != null) {
			ExactJson.check(tree, type, MULTI_LINE, (path, key) -> refused.putIfAbsent(field(path), key));
		}
		if (!refused.isEmpty()) {
			return refused(HttpStatus.BAD_REQUEST, "api.body.invalid-value", refused);
		}
		return type == null ? new Read<>(canonical.write(tree), null, null) : bind(tree, type);
	}

	/**
	 * Binds and validates; a value Jackson cannot read (a date that is none) is refused
	 * as a value of the wrong kind.
	 */
	private <T> Read<T> bind(JsonNode tree, Class<T> type) {
		T value;
		try {
			value = json.treeToValue(tree, type);
		}
		catch (DatabindException ex) {
			String field = ex.getPath().isEmpty() ? "" : String.valueOf(ex.getPath().get(0).getPropertyName());
			return refused(HttpStatus.BAD_REQUEST, "api.body.invalid-value", Map.of(field, "validation.invalid"));
		}
		DirectFieldBindingResult result = new DirectFieldBindingResult(value, "body");
		validator.validate(value, result);
		InvalidReferralInput.check(Refusal.errorsOf(result));
		return new Read<>(canonical.write(tree), value, null);
	}

	private static <T> Read<T> refused(HttpStatus status, String titleKey, Map<String, String> fields) {
		return new Read<>(new byte[0], null, new Problem(status, titleKey, fields));
	}

	private static String field(java.util.List<Object> path) {
		return path.stream().map(String::valueOf).collect(Collectors.joining("."));
	}

	private static boolean json(@Nullable String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
		}
		catch (RuntimeException ex) {
			// none, or not a media type at all
			return false;
		}
	}

}
