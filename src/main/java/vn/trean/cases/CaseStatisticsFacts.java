package vn.trean.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.children.ChildId;
import vn.trean.geography.UnitId;

/**
 * Reads the facts statistics count of a batch of cases ({@link CaseFacts}), one statement
 * per table whatever the batch's size, so the statistics module neither reads the cases'
 * tables nor repeats their meaning. Used for one case after each {@link CaseChanged} and
 * for all of them, a batch at a time, when the statistics are rebuilt.
 */
@Component
public class CaseStatisticsFacts {

	/** The timeline entries statistics count. */
	public static final Set<String> COUNTED_ENTRIES = Set.of("HARM_CONFIRMED", "NOT_SUBSTANTIATED", "FORM_SAVED",
			"EMERGENCY_DECISION", "CLOSED", "CLOSED_BY_OVERRIDE", "REOPENED");

	private final JdbcClient jdbc;

	CaseStatisticsFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The cases after {@code after} (null: from the first) by id, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<CaseId> after(@Nullable CaseId after, int limit) {
		return jdbc
			.sql("SELECT id FROM protection_case WHERE CAST(:after AS UUID) IS NULL OR id > :after "
					+ "ORDER BY id LIMIT :limit")
			.param("after", after == null ? null : after.value())
			.param("limit", limit)
			.query((rs, n) -> new CaseId(rs.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * The reference codes of the cases among {@code ids}, by id: how a list names them.
	 */
	@Transactional(readOnly = true)
	public Map<CaseId, String> referenceCodes(Collection<CaseId> ids) {
		Map<CaseId, String> codes = new HashMap<>();
		jdbc.sql("SELECT id, reference_code FROM protection_case WHERE id = ANY(:ids)")
			.param("ids", ids.stream().map(CaseId::value).distinct().toArray(UUID[]::new))
			.query(rs -> {
				codes.put(new CaseId(rs.getObject(1, UUID.class)), rs.getString(2));
			});
		return codes;
	}

	/**
	 * The facts of the cases that exist among {@code ids}.
	 * <p>
	 * Kept whole: one statement per table of the case, read side by side into one record.
	 */
	@Transactional(readOnly = true)
	public List<CaseFacts> of(Collection<CaseId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		UUID[] keys = ids.stream().map(CaseId::value).distinct().toArray(UUID[]::new);
		Map<UUID, List<CaseFacts.Entry>> entries = grouped(keys, """
				SELECT case_id, kind, ref, at FROM case_entry WHERE case_id = ANY(:ids) AND kind = ANY(:kinds)
				ORDER BY at, id""",
				rs -> new CaseFacts.Entry(rs.getString("kind"), rs.getString("ref"), instant(rs, "at")));
		Map<UUID, List<CaseFacts.Deadline>> deadlines = grouped(keys, """
				SELECT case_id, step, started_at, due_at, met_at FROM case_deadline WHERE case_id = ANY(:ids)
				ORDER BY started_at, id""", rs -> new CaseFacts.Deadline(rs.getString("step"),
				instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "met_at")));
		Map<UUID, List<CaseFacts.Child>> children = grouped(keys, CHILDREN, CaseStatisticsFacts::child);
		Map<UUID, List<CaseFacts.Report>> reports = grouped(keys, """
				SELECT cr.case_id, r.received_at, r.harm_forms, r.setting FROM case_report cr
				JOIN report r ON r.id = cr.report_id WHERE cr.case_id = ANY(:ids) ORDER BY r.received_at, r.id""",
				rs -> new CaseFacts.Report(instant(rs, "received_at"), forms(rs.getString("harm_forms")),
						rs.getString("setting")));
		Map<UUID, List<CaseFacts.Service>> services = grouped(keys, """
				SELECT case_id, id, service_type, delivered_on FROM case_service WHERE case_id = ANY(:ids)
				ORDER BY delivered_on, id""", rs -> new CaseFacts.Service(rs.getLong("id"),
				rs.getString("service_type"), rs.getObject("delivered_on", LocalDate.class)));
		return jdbc.sql("""
				SELECT id, unit_id, assigned_officer_id, status, urgency, received_at, opened_at, closed_at, demo
				FROM protection_case WHERE id = ANY(:ids) ORDER BY id""").param("ids", keys).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new CaseFacts(new CaseId(id), new UnitId(rs.getLong("unit_id")),
					rs.getObject("assigned_officer_id", Long.class),
					ProtectionCase.Status.valueOf(rs.getString("status")), rs.getString("urgency"),
					instant(rs, "received_at"), instant(rs, "opened_at"), instant(rs, "closed_at"),
					rs.getBoolean("demo"), entries.getOrDefault(id, List.of()), deadlines.getOrDefault(id, List.of()),
					children.getOrDefault(id, List.of()), reports.getOrDefault(id, List.of()),
					services.getOrDefault(id, List.of()));
		}).list();
	}

	/**
	 * A child's age: the registry's birth date or year, else the youngest age a report
	 * gave.
	 */
	private static final String CHILDREN = """
			SELECT cc.case_id, c.id, c.sex, c.birth_date, c.birth_year,
			  (SELECT min(rc.approximate_age) FROM report_child rc JOIN case_report cr ON cr.report_id = rc.report_id
			    WHERE cr.case_id = cc.case_id AND rc.child_id = c.id) AS approximate_age
			FROM case_child cc JOIN child c ON c.id = cc.child_id WHERE cc.case_id = ANY(:ids) ORDER BY c.id""";

	private static CaseFacts.Child child(ResultSet rs) throws SQLException {
		return new CaseFacts.Child(new ChildId(rs.getLong("id")), rs.getString("sex"),
				rs.getObject("birth_date", LocalDate.class), rs.getObject("birth_year", Integer.class),
				rs.getObject("approximate_age", Integer.class));
	}

	/** A row of a batch statement, read with the case it belongs to. */
	private interface RowReader<T> {

		T read(ResultSet rs) throws SQLException;

	}

	private <T> Map<UUID, List<T>> grouped(UUID[] keys, String sql, RowReader<T> reader) {
		Map<UUID, List<T>> grouped = new HashMap<>();
		JdbcClient.StatementSpec statement = jdbc.sql(sql).param("ids", keys);
		if (sql.contains(":kinds")) {
			statement = statement.param("kinds", COUNTED_ENTRIES.toArray(String[]::new));
		}
		statement.query(rs -> {
			grouped.computeIfAbsent(rs.getObject("case_id", UUID.class), k -> new ArrayList<>()).add(reader.read(rs));
		});
		return grouped;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static Set<String> forms(@Nullable String list) {
		return list == null || list.isBlank() ? Set.of()
				: Arrays.stream(list.split(","))
					.map(String::strip)
					.filter(s -> !s.isEmpty())
					.collect(Collectors.toSet());
	}

}
