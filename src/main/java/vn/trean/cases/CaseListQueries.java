package vn.trean.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.shared.Page;
import vn.trean.shared.ListConditions;

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

	private static final String BY_CODE = "p.reference_code LIKE :code";

	private static final String BY_UNIT = "p.unit_id = ANY(:named)";

	private static final String BY_PHONE = """
			EXISTS (SELECT 1 FROM case_report cr JOIN report r ON r.id = cr.report_id
			  WHERE cr.case_id = p.id AND NOT r.reporter_anonymous AND r.reporter_phone = :phone
			  AND r.routed_unit_id = ANY(:identityUnits))""";

	private static final ListConditions.Search SEARCH = new ListConditions.Search(BY_CODE, NAMED_CHILD, BY_UNIT,
			BY_PHONE);

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
		ListConditions where = new ListConditions(scope.condition(), scope.params());
		narrow(filter, scope, shape.stepColumn(), where);
		String phone = where.search(filter.q(), SEARCH, ids(scope.namedUnits()), ids(scope.identityUnits()));
		where.param("limit", Page.fetchSize(size));
		where.param("offset", Page.offset(filter.page(), size));
		String sql = "SELECT " + COLUMNS + ", " + phone + " AS found_by_phone" + shape.columns() + " FROM "
				+ shape.from() + " " + FIRST_CHILD + " WHERE " + where.where() + " ORDER BY " + shape.order()
				+ " LIMIT :limit OFFSET :offset";
		return Page.of(jdbc.sql(sql).params(where.params()).query(mapper).list(), filter.page(), size);
	}

	private static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
		Map<String, Object> all = new LinkedHashMap<>(params);
		all.put(name, value);
		return all;
	}

	/** The lines of the cases, whatever their state, without their children's names. */
	List<CaseSummary> lines(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT " + COLUMNS + ", FALSE AS found_by_phone FROM protection_case p " + FIRST_CHILD
					+ " WHERE p.id = ANY(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query(rows)
			.list()
			.stream()
			.map(CaseSummary::withoutChild)
			.toList();
	}

	/**
	 * The open cases of the units (or being transferred to them) whose next clock is the
	 * step (when given) and whose assigned officer is the officer (when given).
	 */
	List<UUID> openCases(Collection<UnitId> units, @Nullable DeadlineStep step, @Nullable Long officer) {
		ListConditions where = new ListConditions(
				"p.closed_at IS NULL AND (p.unit_id = ANY(:units) OR p.transfer_to_unit_id = ANY(:units))",
				Map.of("units", ids(units)));
		where.add("p.next_deadline_step = :step", "step", step);
		where.add("p.assigned_officer_id = :officer", "officer", officer);
		return jdbc.sql("SELECT p.id FROM protection_case p WHERE " + where.where())
			.params(where.params())
			.query(UUID.class)
			.list();
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

	private static void narrow(CaseListFilter f, Scope scope, String stepColumn, ListConditions where) {
		if (f.state() == null) {
			where.add("p.closed_at IS NULL");
		}
		where.add("p.status = :state", "state", f.state());
		where.add("p.urgency = :urgency", "urgency", f.urgency());
		where.add(stepColumn + " = :step", "step", f.step());
		where.add("p.assigned_officer_id = :officerChosen", "officerChosen", f.officer());
		if (f.commune() != null) {
			where.add("(p.unit_id = ANY(:commune) OR p.transfer_to_unit_id = ANY(:commune))", "commune",
					ids(scope.communeUnits()));
		}
		where.period("p.opened_at", f.from(), f.to());
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

	static Long[] ids(Collection<UnitId> units) {
		return units.stream().map(UnitId::value).toArray(Long[]::new);
	}

}
