package vn.trean.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.children.ChildId;
import vn.trean.geography.UnitId;
import vn.trean.intake.Urgency;

/**
 * Cases, their clocks, links and timeline in PostgreSQL; their forms are read by
 * {@link StoredForms}, what a step recorded is stored by {@link CaseChangeStore}.
 */
@Repository
class CaseRepository {

	private final JdbcClient jdbc;

	private final StoredForms forms;

	private final CaseChangeStore changes;

	CaseRepository(JdbcClient jdbc, StoredForms forms, CaseChangeStore changes) {
		this.jdbc = jdbc;
		this.forms = forms;
		this.changes = changes;
	}

	String nextReferenceCode(Instant now) {
		long n = jdbc.sql("SELECT nextval('case_reference_seq')").query(Long.class).single();
		// a plain concatenation: String.format costs more than the statement on this path
		String number = Long.toString(n);
		return "VV-" + now.atZone(vn.trean.shared.Time.ZONE).getYear() + "-"
				+ "0".repeat(Math.max(0, 6 - number.length())) + number;
	}

	Optional<ProtectionCase> find(CaseId id) {
		return jdbc.sql("SELECT * FROM protection_case WHERE id = :id")
			.param("id", id.value())
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Stores a newly opened case and what opening it recorded. */
	void insert(ProtectionCase c, ProtectionCase.Actor actor, Instant now) {
		jdbc.sql("""
				INSERT INTO protection_case (id, reference_code, unit_id, assigned_officer_id, status, urgency, cycle,
				  opened_at, received_at, version, demo)
				VALUES (:id, :ref, :unit, :officer, :status, :urgency, :cycle, :at, :received, 0, :demo)""")
			.param("id", c.id().value())
			.param("ref", c.referenceCode())
			.param("unit", c.unit().value())
			.param("officer", c.assignedOfficer())
			.param("status", c.status().name())
			.param("urgency", c.urgency().name())
			.param("cycle", c.cycle())
			.param("at", Timestamp.from(c.openedAt()))
			.param("received", Timestamp.from(c.file().firstReceivedAt()))
			.param("demo", c.demo())
			.update();
		changes.apply(c, actor, now);
	}

	/**
	 * Stores a changed case if nobody changed it since it was read (optimistic locking),
	 * with what the change recorded.
	 */
	void update(ProtectionCase c, ProtectionCase.Actor actor, Instant now) {
		int rows = jdbc.sql("""
				UPDATE protection_case SET unit_id = :unit, assigned_officer_id = :officer, status = :status,
				  status_before_transfer = :before, transfer_to_unit_id = :transfer, cycle = :cycle,
				  closed_at = :closed, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("id", c.id().value())
			.param("unit", c.unit().value())
			.param("officer", c.assignedOfficer())
			.param("status", c.status().name())
			.param("before", c.statusBeforeTransfer() == null ? null : c.statusBeforeTransfer().name())
			.param("transfer", c.transferTo() == null ? null : c.transferTo().value())
			.param("cycle", c.cycle())
			.param("closed", c.closedAt() == null ? null : Timestamp.from(c.closedAt()))
			.param("version", c.version())
			.update();
		if (rows != 1) {
			throw new CaseEditedConcurrently(c.id());
		}
		changes.apply(c, actor, now);
	}

	void linkReport(CaseId id, UUID report, Instant at) {
		jdbc.sql("INSERT INTO case_report (case_id, report_id, linked_at) VALUES (:id, :report, :at)")
			.param("id", id.value())
			.param("report", report)
			.param("at", Timestamp.from(at))
			.update();
	}

	void addChildren(CaseId id, Collection<ChildId> children) {
		for (ChildId child : children) {
			jdbc.sql("""
					INSERT INTO case_child (case_id, child_id) VALUES (:id, :child)
					ON CONFLICT DO NOTHING""").param("id", id.value()).param("child", child.value()).update();
		}
	}

	/**
	 * Serializes the case work on these children for the transaction (advisory locks, one
	 * per child, in order), so two reports about one child arriving together cannot both
	 * open a case.
	 */
	void lockChildren(Collection<ChildId> children) {
		if (!children.isEmpty()) {
			jdbc.sql("""
					SELECT count(pg_advisory_xact_lock(hashtext('case_child'), CAST(id % 2147483647 AS int)))
					FROM (SELECT unnest(:ids) AS id ORDER BY 1) ids""")
				.param("ids", children.stream().map(ChildId::value).sorted().toArray(Long[]::new))
				.query(Long.class)
				.single();
		}
	}

	/**
	 * The case, its row locked for the transaction (changes made outside a user's step).
	 */
	Optional<ProtectionCase> findForUpdate(CaseId id) {
		return jdbc.sql("SELECT * FROM protection_case WHERE id = :id FOR UPDATE")
			.param("id", id.value())
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * Locks the case's row for the transaction, so that a step reading what depends on
	 * the case (its open referrals, whose sending takes the row {@code FOR SHARE}) reads
	 * it unchanged until the step commits.
	 */
	void lock(CaseId id) {
		jdbc.sql("SELECT id FROM protection_case WHERE id = :id FOR UPDATE")
			.param("id", id.value())
			.query()
			.listOfRows();
	}

	Optional<CaseId> caseOfReport(UUID report) {
		return jdbc.sql("SELECT case_id FROM case_report WHERE report_id = :report")
			.param("report", report)
			.query((rs, n) -> new CaseId(rs.getObject(1, UUID.class)))
			.optional();
	}

	/**
	 * The most recently opened open case of any of these children, in two steps: their
	 * cases by the child index, then the newest open one among those by primary key. One
	 * statement with {@code ORDER BY … LIMIT 1} (or an aggregate over a semi-join) let
	 * the planner walk or scan every case looking for theirs, at a cost that grew with
	 * the open cases; a new child, the usual case at intake, stops after the first step.
	 * Only a case held in the given unit counts: a report routed elsewhere opens its own.
	 */
	Optional<CaseId> openCaseOfAny(Collection<ChildId> children, UnitId unit) {
		if (children.isEmpty()) {
			return Optional.empty();
		}
		List<UUID> cases = jdbc.sql("SELECT case_id FROM case_child WHERE child_id IN (:children)")
			.param("children", children.stream().map(ChildId::value).toList())
			.query(UUID.class)
			.list();
		if (cases.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT id FROM protection_case WHERE id IN (:cases) AND closed_at IS NULL AND unit_id = :unit
				ORDER BY opened_at DESC LIMIT 1""")
			.param("cases", cases)
			.param("unit", unit.value())
			.query((rs, n) -> new CaseId(rs.getObject(1, UUID.class)))
			.optional();
	}

	List<UUID> reportsOf(CaseId id) {
		return jdbc.sql("SELECT report_id FROM case_report WHERE case_id = :id ORDER BY linked_at")
			.param("id", id.value())
			.query(UUID.class)
			.list();
	}

	List<ChildId> childrenOf(CaseId id) {
		return jdbc.sql("SELECT child_id FROM case_child WHERE case_id = :id ORDER BY child_id")
			.param("id", id.value())
			.query((rs, n) -> new ChildId(rs.getLong(1)))
			.list();
	}

	List<CaseDeadline> deadlinesOf(CaseId id) {
		return jdbc.sql("SELECT * FROM case_deadline WHERE case_id = :id ORDER BY due_at")
			.param("id", id.value())
			.query((rs, n) -> deadline(rs))
			.list();
	}

	List<TimelineEntry> timeline(CaseId id, Set<NoteVisibility> visible) {
		return jdbc.sql("""
				SELECT * FROM case_entry WHERE case_id = :id AND visibility IN (:visible) ORDER BY at DESC, id DESC""")
			.param("id", id.value())
			.param("visible", visible.stream().map(Enum::name).toList())
			.query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor_name"),
					rs.getString("kind"), NoteVisibility.valueOf(rs.getString("visibility")), rs.getString("text"),
					rs.getString("ref")))
			.list();
	}

	static CaseDeadline deadline(ResultSet rs) throws SQLException {
		Timestamp met = rs.getTimestamp("met_at");
		return new CaseDeadline(rs.getLong("id"), new CaseId(rs.getObject("case_id", UUID.class)),
				DeadlineStep.valueOf(rs.getString("step")), rs.getTimestamp("started_at").toInstant(),
				rs.getTimestamp("due_at").toInstant(), met == null ? null : met.toInstant(),
				Escalation.valueOf(rs.getString("escalation")));
	}

	private ProtectionCase map(ResultSet rs) throws SQLException {
		CaseId id = new CaseId(rs.getObject("id", UUID.class));
		int cycle = rs.getInt("cycle");
		String before = rs.getString("status_before_transfer");
		long transfer = rs.getLong("transfer_to_unit_id");
		UnitId transferTo = rs.wasNull() ? null : new UnitId(transfer);
		Timestamp closed = rs.getTimestamp("closed_at");
		ProtectionCase.CaseFile file = new ProtectionCase.CaseFile(rs.getTimestamp("received_at").toInstant(),
				forms.latest(id, CaseForm.SUPPORT_PLAN, cycle, SupportPlan.class).map(StoredForm::data).orElse(null),
				forms.latest(id, CaseForm.CLOSING_ASSESSMENT, cycle, ClosingAssessment.class)
					.map(StoredForm::data)
					.orElse(null));
		return new ProtectionCase(id, rs.getString("reference_code"), new UnitId(rs.getLong("unit_id")),
				nullableLong(rs, "assigned_officer_id"), ProtectionCase.Status.valueOf(rs.getString("status")),
				before == null ? null : ProtectionCase.Status.valueOf(before), transferTo,
				Urgency.valueOf(rs.getString("urgency")), cycle, rs.getTimestamp("opened_at").toInstant(),
				closed == null ? null : closed.toInstant(), rs.getInt("version"), rs.getBoolean("demo"), file);
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
