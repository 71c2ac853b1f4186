package vn.trean.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The WHERE clause of a searched, narrowed list and its named parameters, built the same
 * way for every list: the scope's own condition, one condition per filter that is set,
 * and the search, which finds a row by its code (a prefix), a child's name folded
 * (anywhere in it, wildcards matched as typed), a unit the text names, or a reporter's
 * phone number (only where the viewer may see reporters).
 */
public final class ListConditions {

	/**
	 * How one list is searched, each an SQL condition over its rows: {@code code} with
	 * {@code :code}, {@code name} with {@code :name}, {@code units} with {@code :named}
	 * and {@code phone} with {@code :phone} and {@code :identityUnits}.
	 */
	public record Search(String code, String name, String units, String phone) {
	}

	private final List<String> where = new ArrayList<>();

	private final Map<String, Object> params;

	/** Starts from the scope: its condition and parameters. */
	public ListConditions(String scope, Map<String, Object> scopeParams) {
		where.add(scope);
		params = new LinkedHashMap<>(scopeParams);
	}

	/** Adds a condition that always holds. */
	public void add(String sql) {
		where.add(sql);
	}

	/** Adds the condition with its parameter when the value is set. */
	public void add(String sql, String name, @Nullable Object value) {
		if (value != null) {
			where.add(sql);
			params.put(name, value instanceof Enum<?> constant ? constant.name() : value);
		}
	}

	/** Sets a parameter the statement needs (its limit, its clock). */
	public void param(String name, Object value) {
		params.put(name, value);
	}

	/** Rows whose {@code column} falls within the days, both included. */
	public void period(String column, @Nullable LocalDate from, @Nullable LocalDate to) {
		add(column + " >= :from", "from", from == null ? null : startOf(from));
		add(column + " < :to", "to", to == null ? null : startOf(to.plusDays(1)));
	}

	/**
	 * Adds the search's condition, if there is a text to search.
	 * @param namedUnits the units whose name the text names
	 * @param identityUnits the units where the viewer may see reporters
	 * @return the SQL saying whether a row was found by the reporter's phone
	 */
	public String search(@Nullable String q, Search sql, Long[] namedUnits, Long[] identityUnits) {
		if (q == null) {
			return "FALSE";
		}
		List<String> any = new ArrayList<>();
		if (!q.contains(" ")) {
			any.add(sql.code());
			params.put("code", escaped(q.toUpperCase(Locale.ROOT)) + "%");
		}
		any.add(sql.name());
		params.put("name", "%" + escaped(VietnameseText.fold(q)) + "%");
		if (namedUnits.length > 0) {
			any.add(sql.units());
			params.put("named", namedUnits);
		}
		String phone = "FALSE";
		if (PhoneNumber.isValid(q) && identityUnits.length > 0) {
			phone = sql.phone();
			any.add(phone);
			params.put("phone", PhoneNumber.parse(q).value());
			params.put("identityUnits", identityUnits);
		}
		where.add("(" + String.join(" OR ", any) + ")");
		return phone;
	}

	/** The conditions joined by AND. */
	public String where() {
		return String.join(" AND ", where);
	}

	public Map<String, Object> params() {
		return params;
	}

	/**
	 * Text matched as typed by LIKE: its backslashes, per cents and underscores escaped.
	 */
	public static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(Time.ZONE).toOffsetDateTime();
	}

}
