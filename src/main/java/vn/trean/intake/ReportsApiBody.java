package vn.trean.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.DeferredBindingException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import vn.trean.shared.CanonicalJson;
import vn.trean.shared.ExactJson;

/**
 * Reads the body of {@code POST /api/v1/reports} ({@link ReportsApiController}): as a
 * tree first, whose every value must be of its exact kind ({@link ExactJson}), then,
 * written again with sorted keys, bound to a draft by Jackson; every value refused is
 * named as the form names its fields.
 */
final class ReportsApiBody {

	/**
	 * Reads this API's bodies as trees (a key given twice is malformed) and writes them
	 * with sorted keys, the content a retry is compared by.
	 */
	private final CanonicalJson strict;

	/** Binds a draft, collecting every problem (built once: a reader is immutable). */
	private final ObjectReader drafts;

	ReportsApiBody(JsonMapper json) {
		this.drafts = json.readerFor(ReportDraft.class).problemCollectingReader();
		this.strict = new CanonicalJson(json);
	}

	/**
	 * What reading a body gave: the content a retry is compared by, the draft bound from
	 * it, the values refused by field, or the problem that stopped the reading.
	 */
	record Read(byte @Nullable [] content, @Nullable ReportDraft draft, Map<String, String> refused,
			@Nullable String problem) {

		static Read stopped(String problem) {
			return new Read(null, null, Map.of(), problem);
		}

	}

	Read read(byte[] body) {
		JsonNode tree;
		try {
			tree = strict.read(body);
		}
		catch (JacksonException ex) {
			return Read.stopped("api.body.malformed");
		}
		// every value of the wrong kind is named, not only the first
		Map<String, String> refused = new LinkedHashMap<>();
		ExactJson.check(tree, ReportDraft.class, Set.of("account"),
				(path, message) -> refused.put(field(path), message));
		if (refused.containsKey("")) {
			// not an object at all
			return Read.stopped("api.body.malformed");
		}
		// a retry is the same content however it is laid out: keys sorted, no spaces
		return bind(strict.write(tree), refused);
	}

	/**
	 * Binds the content to a draft, naming in {@code refused} every value Jackson cannot
	 * bind.
	 */
	private Read bind(byte[] content, Map<String, String> refused) {
		try {
			return new Read(content, drafts.readValueCollectingProblems(content), refused, null);
		}
		catch (DeferredBindingException ex) {
			ex.getProblems().forEach(problem -> refused.putIfAbsent(field(problem.getPath()), "validation.invalid"));
		}
		catch (DatabindException ex) {
			// a value Jackson cannot read past (of the wrong shape): the first is named
			String field = field(ex.getPath()
				.stream()
				.map(r -> r.getPropertyName() != null ? (Object) r.getPropertyName() : r.getIndex())
				.toList());
			if (refused.isEmpty() && field.isEmpty()) {
				return new Read(content, null, refused, "api.body.invalid-value");
			}
			refused.putIfAbsent(field, "validation.invalid");
		}
		catch (JacksonException ex) {
			// such as a number too large for its field, named above
			if (refused.isEmpty()) {
				return new Read(content, null, refused, "api.body.malformed");
			}
		}
		return new Read(content, null, refused, null);
	}

	/**
	 * A JSON pointer as the form names its fields: {@code /children/0/sex} is
	 * {@code children[0].sex}.
	 */
	private static String field(JsonPointer path) {
		List<Object> steps = new ArrayList<>();
		for (JsonPointer at = path; !at.matches(); at = at.tail()) {
			steps.add(at.getMatchingIndex() >= 0 ? (Object) at.getMatchingIndex() : at.getMatchingProperty());
		}
		return field(steps);
	}

	/** Property names and list positions as the form names its fields. */
	private static String field(List<Object> steps) {
		StringBuilder field = new StringBuilder();
		for (Object step : steps) {
			if (step instanceof Integer index) {
				field.append('[').append(index).append(']');
			}
			else {
				field.append(field.isEmpty() ? "" : ".").append(step);
			}
		}
		return field.toString();
	}

}
