package vn.trean.children;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/**
 * The tables of special-circumstance entries and supports (V45): a head row per record
 * and one row per version. A new version moves the head's version on only from the one
 * the writer read, so a correction made meanwhile is never overwritten.
 */
@Component
class CircumstanceStore {

	private final JdbcClient jdbc;

	CircumstanceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the child's row: the writes about one child take turns. */
	void lockChild(ChildId child) {
		jdbc.sql("SELECT id FROM child WHERE id = :id FOR UPDATE").param("id", child.value()).query(Long.class).list();
	}

	long insertEntry(ChildId child, UnitId unit, boolean demo) {
		return insertHead("circumstance_entry", child, unit, demo);
	}

	long insertSupport(ChildId child, UnitId unit, boolean demo) {
		return insertHead("support_entry", child, unit, demo);
	}

	private long insertHead(String table, ChildId child, UnitId unit, boolean demo) {
		return jdbc
			.sql("INSERT INTO " + table + " (child_id, unit_id, demo) VALUES (:child, :unit, :demo) RETURNING id")
			.param("child", child.value())
			.param("unit", unit.value())
			.param("demo", demo)
			.query(Long.class)
			.single();
	}

	/**
	 * Moves a head on from the version read to the next; false when it is no longer at
	 * that version (changed meanwhile) or names another child.
	 */
	boolean advance(String table, long id, ChildId child, int seen) {
		return jdbc
			.sql("UPDATE " + table + " SET version = version + 1 WHERE id = :id AND child_id = :child"
					+ " AND version = :seen")
			.param("id", id)
			.param("child", child.value())
			.param("seen", seen)
			.update() == 1;
	}

	void insertEntryVersion(long entry, int version, CircumstanceHistory.Change change, EntryTerms t,
			@Nullable UUID file, @Nullable String reason, long by, Instant at) {
		jdbc.sql("""
				INSERT INTO circumstance_entry_version (entry_id, version, change, group_code, started_on, ended_on,
				  evidence, file_id, reason, recorded_by, recorded_at)
				VALUES (:entry, :version, :change, :group, :started, :ended, :evidence, :file, :reason, :by, :at)""")
			.param("entry", entry)
			.param("file", file)
			.param("version", version)
			.param("change", change.name())
			.param("group", t.group().name())
			.param("started", t.startedOn())
			.param("ended", t.endedOn())
			.param("evidence", blank(t.evidence()))
			.param("reason", blank(reason))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	void insertSupportVersion(long support, int version, CircumstanceHistory.Change change, SupportTerms t,
			@Nullable String reason, long by, Instant at) {
		jdbc.sql("""
				INSERT INTO support_entry_version (support_id, version, change, kind, from_on, to_on, agency_id,
				  provider, reason, recorded_by, recorded_at)
				VALUES (:support, :version, :change, :kind, :from, :to, :agency, :provider, :reason, :by, :at)""")
			.param("support", support)
			.param("version", version)
			.param("change", change.name())
			.param("kind", t.kind().name())
			.param("from", t.from())
			.param("to", t.to())
			.param("agency", t.agency() == null ? null : t.agency().value())
			.param("provider", blank(t.provider()))
			.param("reason", blank(reason))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The child's entries and supports with every version, newest first. */
	CircumstanceHistory historyOf(ChildId child) {
		return new CircumstanceHistory(entriesOf(child), supportsOf(child));
	}

	private List<CircumstanceHistory.Entry> entriesOf(ChildId child) {
		Map<Long, List<CircumstanceHistory.EntryVersion>> entryVersions = new LinkedHashMap<>();
		Map<Long, long[]> entryHeads = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT e.id, e.unit_id, e.version AS current, v.*, f.file_name FROM circumstance_entry e
				JOIN circumstance_entry_version v ON v.entry_id = e.id
				LEFT JOIN circumstance_file f ON f.id = v.file_id
				WHERE e.child_id = :child ORDER BY e.id DESC, v.version DESC""")
			.param("child", child.value())
			.query((ResultSet rs) -> {
				entryHeads.putIfAbsent(rs.getLong("id"), new long[] { rs.getLong("unit_id"), rs.getInt("current") });
				entryVersions.computeIfAbsent(rs.getLong("id"), k -> new ArrayList<>()).add(entryVersion(rs));
			});
		return entryHeads.entrySet()
			.stream()
			.map(h -> new CircumstanceHistory.Entry(h.getKey(), new UnitId(h.getValue()[0]), (int) h.getValue()[1],
					entryVersions.get(h.getKey())))
			.toList();
	}

	private List<CircumstanceHistory.Support> supportsOf(ChildId child) {
		Map<Long, List<CircumstanceHistory.SupportVersion>> supportVersions = new LinkedHashMap<>();
		Map<Long, long[]> supportHeads = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT s.id, s.unit_id, s.version AS current, v.* FROM support_entry s
				JOIN support_entry_version v ON v.support_id = s.id
				WHERE s.child_id = :child ORDER BY s.id DESC, v.version DESC""")
			.param("child", child.value())
			.query((ResultSet rs) -> {
				supportHeads.putIfAbsent(rs.getLong("id"), new long[] { rs.getLong("unit_id"), rs.getInt("current") });
				supportVersions.computeIfAbsent(rs.getLong("id"), k -> new ArrayList<>()).add(supportVersion(rs));
			});
		return supportHeads.entrySet()
			.stream()
			.map(h -> new CircumstanceHistory.Support(h.getKey(), new UnitId(h.getValue()[0]), (int) h.getValue()[1],
					supportVersions.get(h.getKey())))
			.toList();
	}

	private static CircumstanceHistory.EntryVersion entryVersion(ResultSet rs) throws SQLException {
		EntryTerms terms = new EntryTerms(SpecialCircumstance.valueOf(rs.getString("group_code")),
				date(rs, "started_on"), date(rs, "ended_on"), rs.getString("evidence"));
		UUID file = rs.getObject("file_id", UUID.class);
		return new CircumstanceHistory.EntryVersion(rs.getInt("version"),
				CircumstanceHistory.Change.valueOf(rs.getString("change")), terms,
				file == null ? null : new CircumstanceHistory.EvidenceFile(file, rs.getString("file_name")),
				rs.getString("reason"), rs.getLong("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}

	private static CircumstanceHistory.SupportVersion supportVersion(ResultSet rs) throws SQLException {
		SupportTerms terms = new SupportTerms(SupportKind.valueOf(rs.getString("kind")), date(rs, "from_on"),
				date(rs, "to_on"), agency(rs), rs.getString("provider"));
		return new CircumstanceHistory.SupportVersion(rs.getInt("version"),
				CircumstanceHistory.Change.valueOf(rs.getString("change")), terms, rs.getString("reason"),
				rs.getLong("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}

	/** A date column that may be empty. */
	static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	/** An agency column that may be empty. */
	static @Nullable AgencyId agency(ResultSet rs) throws SQLException {
		long id = rs.getLong("agency_id");
		return rs.wasNull() ? null : new AgencyId(id);
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : vn.trean.shared.VietnameseText.normalize(text.strip());
	}

}
