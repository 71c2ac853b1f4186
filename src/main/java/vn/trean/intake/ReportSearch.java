package vn.trean.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.shared.Page;
import vn.trean.shared.ListConditions;
import vn.trean.shared.Time;

/**
 * The lists of reports as the inbox and the recorder's list page through them: drawn from
 * a scope (routed into units, or recorded by a user), narrowed by a
 * {@link ReportListFilter}, searched by reference code (the report's or its case's),
 * child's name in any spelling (the folded keys), commune name and, for the units where
 * the viewer may see reporters, the reporter's phone. Search text is matched as the
 * characters typed: {@code %} and {@code _} are escaped.
 */
@Repository
class ReportSearch {

	private static final String SELECT = """
			SELECT r.id, r.reference_code, r.received_at, r.channel, r.urgency, r.emergency_decision_due,
			  r.routed_unit_id, r.transfer_out, r.status, r.harm_forms, r.danger_signs, r.case_id, r.case_code,
			  fc.full_name AS child_name, fc.birth_date AS child_born, fc.approximate_age AS child_age,
			  (SELECT count(*) FROM report_child c WHERE c.report_id = r.id) AS children,
			  %s AS found_by_phone
			FROM report r LEFT JOIN report_child fc ON fc.report_id = r.id AND fc.position = 0
			WHERE %s
			ORDER BY %s
			LIMIT :limit OFFSET :offset""";

	private static final String NAMED_CHILD = """
			EXISTS (SELECT 1 FROM report_child rc LEFT JOIN child ch ON ch.id = rc.child_id
			  WHERE rc.report_id = r.id AND (rc.name_key LIKE :name OR ch.name_key LIKE :name))""";

	private static final String BY_PHONE = "(NOT r.reporter_anonymous AND r.reporter_phone = :phone"
			+ " AND r.routed_unit_id = ANY(:identityUnits))";

	private static final ListConditions.Search SEARCH = new ListConditions.Search(
			"r.reference_code LIKE :code OR r.case_code LIKE :code", NAMED_CHILD,
			"r.routed_unit_id = ANY(:named) OR r.place_unit_id = ANY(:named)", BY_PHONE);

	private static final String URGENCY_RANK = "CASE r.urgency WHEN 'EMERGENCY' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END";

	private final JdbcClient jdbc;

	ReportSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Where a list draws from, and what the search may look at there.
	 *
	 * @param condition the SQL condition of the scope, over {@code r}
	 * @param params its parameters
	 * @param identityUnits the units where the viewer may see reporters (searched by
	 * phone)
	 * @param namedUnits the units whose name the search text names
	 * @param communeUnits the units the commune filter covers (empty: no filter)
	 * @param cases the cases the step and officer filters select (their reports only), or
	 * {@code null} when neither is set
	 */
	record Scope(String condition, Map<String, Object> params, Collection<UnitId> identityUnits,
			Collection<UnitId> namedUnits, Collection<UnitId> communeUnits, @Nullable Collection<UUID> cases) {
	}

	Page<ListedReport> find(Scope scope, ReportListFilter filter, int size, Instant now) {
		ListConditions where = new ListConditions(scope.condition(), scope.params());
		where.param("now", Timestamp.from(now));
		narrow(filter, scope, where);
		String phone = where.search(filter.q(), SEARCH, ids(scope.namedUnits()), ids(scope.identityUnits()));
		where.param("limit", Page.fetchSize(size));
		where.param("offset", Page.offset(filter.page(), size));
		String sql = SELECT.formatted(phone, where.where(), order(filter));
		List<ListedReport> rows = jdbc.sql(sql).params(where.params()).query((rs, n) -> row(rs)).list();
		return Page.of(rows, filter.page(), size);
	}

	private static void narrow(ReportListFilter f, Scope scope, ListConditions where) {
		where.add("r.status = :status", "status", f.status());
		where.add("r.urgency = :urgency", "urgency", f.urgency());
		where.add("r.channel = :channel", "channel", f.channel());
		if (f.commune() != null) {
			where.add("r.routed_unit_id = ANY(:commune)", "commune", ids(scope.communeUnits()));
		}
		if (scope.cases() != null) {
			where.add("r.case_id = ANY(:cases)", "cases", scope.cases().toArray(UUID[]::new));
		}
		where.period("r.received_at", f.from(), f.to());
	}

	private static String order(ReportListFilter f) {
		String dir = f.ascending() ? "ASC" : "DESC";
		return switch (f.sort()) {
			case ATTENTION -> """
					(r.status <> 'IN_HANDLING' OR coalesce(r.emergency_decision_due > :now, FALSE)) DESC,
					  %s, r.emergency_decision_due NULLS LAST, r.received_at DESC, r.id""".formatted(URGENCY_RANK);
			case RECEIVED -> "r.received_at " + dir + ", r.id";
			case URGENCY -> URGENCY_RANK + (f.ascending() ? " DESC" : " ASC")
					+ ", r.emergency_decision_due NULLS LAST, r.received_at DESC, r.id";
			case CHILD -> "fc.full_name COLLATE vietnamese " + dir + " NULLS LAST, r.received_at DESC, r.id";
		};
	}

	private static Long[] ids(Collection<UnitId> units) {
		return units.stream().map(UnitId::value).toArray(Long[]::new);
	}

	private static ListedReport row(ResultSet rs) throws SQLException {
		Timestamp due = rs.getTimestamp("emergency_decision_due");
		UUID caseId = rs.getObject("case_id", UUID.class);
		String childName = rs.getString("child_name");
		int age = rs.getInt("child_age");
		Integer approximateAge = rs.wasNull() ? null : age;
		return new ListedReport(new ReportId(rs.getObject("id", UUID.class)), rs.getString("reference_code"),
				rs.getTimestamp("received_at").toInstant(), Channel.valueOf(rs.getString("channel")),
				Urgency.valueOf(rs.getString("urgency")), due == null ? null : due.toInstant(),
				new UnitId(rs.getLong("routed_unit_id")), rs.getBoolean("transfer_out"),
				ReportStatus.valueOf(rs.getString("status")), enums(HarmForm.class, rs.getString("harm_forms")),
				enums(DangerSign.class, rs.getString("danger_signs")), rs.getInt("children"),
				childName == null ? null
						: new ListedReport.FirstChild(childName, rs.getObject("child_born", LocalDate.class),
								approximateAge),
				caseId == null ? null : new CaseLink(caseId, rs.getString("case_code")),
				rs.getBoolean("found_by_phone"));
	}

	private static <E extends Enum<E>> Set<E> enums(Class<E> type, String list) {
		Set<E> result = EnumSet.noneOf(type);
		Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).map(s -> Enum.valueOf(type, s)).forEach(result::add);
		return result;
	}

}
