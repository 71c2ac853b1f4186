package vn.trean.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.shared.Page;
import vn.trean.shared.PhoneNumber;
import vn.trean.shared.Time;
import vn.trean.shared.VietnameseText;

/**
 * The case lists' queries: cases in a scope narrowed by a {@link CaseListFilter} and
 * searched by reference code, child's name in any spelling (the registry's folded key),
 * commune name and, where the viewer may see reporters, the phone of a reporter of one of
 * the case's reports; and the overdue clocks. Each row names the case's first child and
 * the forms of harm of its reports, read with the case in one statement. Search text is
 * matched as the characters typed: {@code %} and {@code _} are escaped.
 */
@Repository
class CaseListQueries {

	/** The columns of a list line, over {@code p}. */
	private static final String COLUMNS = """
			p.id, p.reference_code, p.unit_id, p.status, p.urgency, p.next_deadline_at, p.next_deadline_step,
			  p.assigned_officer_id, p.opened_at, p.transfer_to_unit_id,
			  fc.full_name AS child_name, fc.birth_date AS child_born, fc.birth_date_approximate AS child_approximate,
			  (SELECT count(*) FROM case_child n WHERE n.case_id = p.id) AS children,
			  (p.status = 'REVIEW' AND EXISTS (SELECT 1 FROM case_form f WHERE f.case_id = p.id
			    AND f.form = 'CLOSING_ASSESSMENT' AND f.cycle = p.cycle)) AS closing_recorded,
			  (SELECT string_agg(r.harm_forms, ',') FROM case_report cr JOIN report r ON r.id = cr.report_id
			    WHERE cr.case_id = p.id) AS harm_forms""";

	/** The case's first child (by registration), for its line. */
	private static final String FIRST_CHILD = """
			LEFT JOIN LATERAL (SELECT ch.full_name, ch.birth_date, ch.birth_date_approximate
			  FROM case_child cc JOIN child ch ON ch.id = cc.child_id WHERE cc.case_id = p.id
			  ORDER BY ch.id LIMIT 1) fc ON TRUE""";

	private static final String NAMED_CHILD = """
			EXISTS (SELECT 1 FROM case_child cc JOIN child ch ON ch.id = cc.child_id
			  WHERE cc.case_id = p.id AND ch.name_key LIKE :name)""";

	private static final String BY_PHONE = """
			EXISTS (SELECT 1 FROM case_report cr JOIN report r ON r.id = cr.report_id
			  WHERE cr.case_id = p.id AND NOT r.reporter_anonymous AND r.reporter_phone = :phone
			  AND r.routed_unit_id = ANY(:identityUnits))""";

	private final JdbcClient jdbc;

	private final CaseListRows rows;

	CaseListQueries(JdbcClient jdbc, CaseListRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/**
	 * Where a list draws from, and what the search may look at there.
	 *
	 * @param condition the SQL condition of the scope, over {@code p}
	 * @param params its parameters
	 * @param identityUnits the units where the viewer may see reporters (searched by
	 * phone)
	 * @param namedUnits the units whose name the search text names
	 * @param communeUnits the units the commune filter covers (empty: no filter)
	 */
	record Scope(String condition, Map<String, Object> params, Collection<UnitId> identityUnits,
			Collection<UnitId> namedUnits, Collection<UnitId> communeUnits) {
	}

	/** A page of the cases in the scope, as the filter narrows and orders them. */
	Page<CaseSummary> find(Scope scope, CaseListFilter filter, int size) {
		return page(scope, filter, size, new Shape("", "protection_case p", "p.next_deadline_step", order(filter)),
				rows);
	}

	/**
	 * A page of the deadlines passed and not met in the scope, as the filter narrows them
	 * (its step is the late one), the longest overdue first.
	 */
	Page<OverdueStep> overdue(Scope scope, CaseListFilter filter, int size, Instant now) {
		Scope late = new Scope(scope.condition() + " AND d.met_at IS NULL AND d.due_at < :now",
				with(scope.params(), "now", Timestamp.from(now)), scope.identityUnits(), scope.namedUnits(),
				scope.communeUnits());
		return page(late, filter, size,
				new Shape(", d.step, d.due_at, d.escalation",
						"case_deadline d JOIN protection_case p ON p.id = d.case_id", "d.step", "d.due_at, d.id"),
				(rs, n) -> new OverdueStep(rows.mapRow(rs, n), DeadlineStep.valueOf(rs.getString("step")),
						rs.getTimestamp("due_at").toInstant(), Escalation.valueOf(rs.getString("escalation"))));
	}

	/** What differs between the lists' statements. */
	private record Shape(String columns, String from, String stepColumn, String order) {
	}

	private <T> Page<T> page(Scope scope, CaseListFilter filter, int size, Shape shape, RowMapper<T> mapper) {
		Map<String, Object> params = new LinkedHashMap<>(scope.params());
		List<String> where = new ArrayList<>(List.of(scope.condition()));
		narrow(filter, scope, shape.stepColumn(), where, params);
		String phone = search(filter.q(), scope, where, params);
		params.put("limit", Page.fetchSize(size));
		params.put("offset", Page.offset(filter.page(), size));
		String sql = "SELECT " + COLUMNS + ", " + phone + " AS found_by_phone" + shape.columns() + " FROM "
				+ shape.from() + " " + FIRST_CHILD + " WHERE " + String.join(" AND ", where) + " ORDER BY "
				+ shape.order() + " LIMIT :limit OFFSET :offset";
		return Page.of(jdbc.sql(sql).params(params).query(mapper).list(), filter.page(), size);
	}

	private static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
		Map<String, Object> all = new LinkedHashMap<>(params);
		all.put(name, value);
		return all;
	}

	/** The officers assigned to any case of the units (or being transferred to them). */
	List<Long> officersIn(Collection<UnitId> units) {
		if (units.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("""
					SELECT DISTINCT assigned_officer_id FROM protection_case
					WHERE assigned_officer_id IS NOT NULL AND (unit_id = ANY(:units) OR transfer_to_unit_id = ANY(:units))""")
			.param("units", ids(units))
			.query(Long.class)
			.list();
	}

	private static void narrow(CaseListFilter f, Scope scope, String stepColumn, List<String> where,
			Map<String, Object> params) {
		if (f.state() == null) {
			where.add("p.closed_at IS NULL");
		}
		condition(where, params, "p.status = :state", "state", f.state() == null ? null : f.state().name());
		condition(where, params, "p.urgency = :urgency", "urgency", f.urgency() == null ? null : f.urgency().name());
		condition(where, params, stepColumn + " = :step", "step", f.step() == null ? null : f.step().name());
		condition(where, params, "p.assigned_officer_id = :officerChosen", "officerChosen", f.officer());
		if (f.commune() != null) {
			condition(where, params, "(p.unit_id = ANY(:commune) OR p.transfer_to_unit_id = ANY(:commune))", "commune",
					ids(scope.communeUnits()));
		}
		condition(where, params, "p.opened_at >= :from", "from", f.from() == null ? null : startOf(f.from()));
		condition(where, params, "p.opened_at < :to", "to", f.to() == null ? null : startOf(f.to().plusDays(1)));
	}

	/**
	 * Adds the search's condition, if any.
	 * @return the SQL saying whether a row was found by a reporter's phone
	 */
	private static String search(@Nullable String q, Scope scope, List<String> where, Map<String, Object> params) {
		if (q == null) {
			return "FALSE";
		}
		List<String> any = new ArrayList<>();
		if (!q.contains(" ")) {
			any.add("p.reference_code LIKE :code");
			params.put("code", escaped(q.toUpperCase(Locale.ROOT)) + "%");
		}
		any.add(NAMED_CHILD);
		params.put("name", "%" + escaped(VietnameseText.fold(q)) + "%");
		if (!scope.namedUnits().isEmpty()) {
			any.add("p.unit_id = ANY(:named)");
			params.put("named", ids(scope.namedUnits()));
		}
		String phone = "FALSE";
		if (PhoneNumber.isValid(q) && !scope.identityUnits().isEmpty()) {
			phone = BY_PHONE;
			any.add(BY_PHONE);
			params.put("phone", PhoneNumber.parse(q).value());
			params.put("identityUnits", ids(scope.identityUnits()));
		}
		where.add("(" + String.join(" OR ", any) + ")");
		return phone;
	}

	private static String order(CaseListFilter f) {
		String dir = f.ascending() ? "ASC" : "DESC";
		return switch (f.sort()) {
			case DEADLINE -> "p.next_deadline_at " + dir + " NULLS LAST, p.opened_at, p.id";
			case OPENED -> "p.opened_at " + dir + ", p.id";
			case CODE -> "p.reference_code " + dir;
			case CHILD -> "fc.full_name COLLATE vietnamese " + dir + " NULLS LAST, p.opened_at, p.id";
		};
	}

	private static void condition(List<String> where, Map<String, Object> params, String sql, String name,
			@Nullable Object value) {
		if (value != null) {
			where.add(sql);
			params.put(name, value);
		}
	}

	/**
	 * Text matched as typed by LIKE: its backslashes, per cents and underscores escaped.
	 */
	static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Timestamp startOf(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(Time.ZONE).toInstant());
	}

	static Long[] ids(Collection<UnitId> units) {
		return units.stream().map(UnitId::value).toArray(Long[]::new);
	}

}
