package vn.trean.shared;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

/**
 * The REST API takes each value only in its exact JSON kind, before Jackson binds it: a
 * whole number that fits for an id or a count (never {@code 1.5}, {@code 1.0} or a text),
 * {@code true} or {@code false} for a yes/no (never a number), a string for a text, an
 * enum or a date; and no text with a control character (a tab or a line break only in the
 * texts of several lines). Jackson's own settings would convert quietly or stop at the
 * first problem; this names every field. Only the API's bodies are checked, so the rest
 * of the application keeps Jackson's defaults.
 */
public final class ExactJson {

	private ExactJson() {
	}

	/**
	 * Reports every value of the wrong kind ({@code validation.invalid}) and every text
	 * with a control character ({@code api.body.control-character}), by its path of
	 * property names and list positions.
	 * @param multiLine the top-level properties whose texts may hold tabs and line breaks
	 */
	public static void check(JsonNode tree, Class<?> type, Set<String> multiLine,
			BiConsumer<List<Object>, String> problem) {
		check(tree, type, new ArrayList<>(), multiLine, problem);
	}

	private static void check(JsonNode node, Type type, List<Object> path, Set<String> multiLine,
			BiConsumer<List<Object>, String> problem) {
		if (node == null || node.isNull()) {
			return;
		}
		Class<?> raw = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
		if (raw == Long.class || raw == long.class) {
			report(node.isIntegralNumber() && node.canConvertToLong(), path, problem);
		}
		else if (raw == Integer.class || raw == int.class) {
			report(node.isIntegralNumber() && node.canConvertToInt(), path, problem);
		}
		else if (raw == Boolean.class || raw == boolean.class) {
			report(node.isBoolean(), path, problem);
		}
		else if (raw == String.class || raw.isEnum() || raw == LocalDate.class) {
			checkText(node, path, multiLine, problem);
		}
		else if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType list) {
			checkItems(node, list, path, multiLine, problem);
		}
		else if (raw.isRecord()) {
			checkComponents(node, raw, path, multiLine, problem);
		}
	}

	private static void checkText(JsonNode node, List<Object> path, Set<String> multiLine,
			BiConsumer<List<Object>, String> problem) {
		report(node.isString(), path, problem);
		if (node.isString() && hasControl(node.stringValue(), path.size() == 1 && multiLine.contains(path.get(0)))) {
			problem.accept(List.copyOf(path), "api.body.control-character");
		}
	}

	private static void checkItems(JsonNode node, ParameterizedType list, List<Object> path, Set<String> multiLine,
			BiConsumer<List<Object>, String> problem) {
		report(node.isArray(), path, problem);
		for (int i = 0; node.isArray() && i < node.size(); i++) {
			path.add(i);
			check(node.get(i), list.getActualTypeArguments()[0], path, multiLine, problem);
			path.remove(path.size() - 1);
		}
	}

	private static void checkComponents(JsonNode node, Class<?> recordType, List<Object> path, Set<String> multiLine,
			BiConsumer<List<Object>, String> problem) {
		report(node.isObject(), path, problem);
		for (RecordComponent component : node.isObject() ? recordType.getRecordComponents() : new RecordComponent[0]) {
			path.add(component.getName());
			check(node.get(component.getName()), component.getGenericType(), path, multiLine, problem);
			path.remove(path.size() - 1);
		}
	}

	private static void report(boolean exact, List<Object> path, BiConsumer<List<Object>, String> problem) {
		if (!exact) {
			problem.accept(List.copyOf(path), "validation.invalid");
		}
	}

	/**
	 * The characters no text may hold (as on every form), and line breaks in a one-line
	 * text.
	 */
	private static boolean hasControl(String text, boolean multiLine) {
		return FormErrors.hasControlCharacter(text)
				|| (!multiLine && text.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r'));
	}

}
