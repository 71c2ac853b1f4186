package vn.trean.registers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.registers.FacilityKind.CheckItem;
import vn.trean.registers.FacilityPolicy.FacilityCheck;
import vn.trean.registers.FacilityPolicy.NewFacility;

/** The schools' and health facilities' rows, with their capacity checks. */
@Repository
class FacilityRecords {

	static final String TABLE = "facility";

	private static final String FACILITY = """
			SELECT f.*, c.checked_on, c.prevention_session, c.hotline_promoted, c.intake_procedure, c.trained_staff,
			  c.counselling
			FROM facility f LEFT JOIN LATERAL (
			  SELECT * FROM facility_check c WHERE c.facility_id = f.id ORDER BY c.checked_on DESC, c.id DESC LIMIT 1
			) c ON true
			""";

	private final JdbcClient jdbc;

	private final RegisterRows rows;

	FacilityRecords(JdbcClient jdbc, RegisterRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	List<Facility> facilities(Set<UnitId> units, long offset, int limit) {
		return rows.page(FACILITY + " WHERE f.unit_id = ANY(:units) ORDER BY f.kind, f.name COLLATE vietnamese, f.id",
				units, offset, limit, FacilityRecords::facility);
	}

	Optional<Facility> facility(FacilityId id) {
		return jdbc.sql(FACILITY + " WHERE f.id = :id")
			.param("id", id.value())
			.query(FacilityRecords::facility)
			.optional();
	}

	long insert(NewFacility f, String by, Instant now) {
		long id = jdbc.sql("""
				INSERT INTO facility (unit_id, kind, name, entered_by, entered_at)
				VALUES (:unit, :kind, :name, :by, :now) RETURNING id""")
			.param("unit", f.unit().value())
			.param("kind", f.kind().name())
			.param("name", f.name())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		if (f.check() != null) {
			insertCheck(new FacilityId(id), f.kind(), f.check(), by, now);
		}
		return id;
	}

	/**
	 * Stores a facility's changed unit, kind and name unless changed since
	 * {@code version}.
	 */
	boolean update(FacilityId id, int version, NewFacility f) {
		return jdbc.sql("""
				UPDATE facility SET unit_id = :unit, kind = :kind, name = :name, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("unit", f.unit().value())
			.param("kind", f.kind().name())
			.param("name", f.name())
			.param("id", id.value())
			.param("version", version)
			.update() == 1;
	}

	/** Deletes a facility with its checks. */
	boolean delete(FacilityId id, int version) {
		return rows.delete(TABLE, id.value(), version);
	}

	/** A facility's checks, newest first. */
	List<CapacityCheck> checks(FacilityId id) {
		return jdbc.sql("SELECT * FROM facility_check WHERE facility_id = :f ORDER BY checked_on DESC, id DESC")
			.param("f", id.value())
			.query(FacilityRecords::check)
			.list();
	}

	Optional<CapacityCheck> check(FacilityId facility, CheckId id) {
		return jdbc.sql("SELECT * FROM facility_check WHERE facility_id = :f AND id = :id")
			.param("f", facility.value())
			.param("id", id.value())
			.query(FacilityRecords::check)
			.optional();
	}

	/** Stores a check's changed date and items unless changed since {@code version}. */
	boolean updateCheck(CheckId id, int version, FacilityKind kind, FacilityCheck check) {
		return items(jdbc.sql("""
				UPDATE facility_check SET checked_on = :on, prevention_session = :prevention_session,
				  hotline_promoted = :hotline_promoted, intake_procedure = :intake_procedure,
				  trained_staff = :trained_staff, counselling = :counselling, version = version + 1
				WHERE id = :id AND version = :version"""), kind, check).param("id", id.value())
			.param("version", version)
			.update() == 1;
	}

	boolean deleteCheck(CheckId id, int version) {
		return rows.delete("facility_check", id.value(), version);
	}

	void insertCheck(FacilityId facility, FacilityKind kind, FacilityCheck check, String by, Instant now) {
		items(jdbc.sql("""
				INSERT INTO facility_check (facility_id, checked_on, prevention_session, hotline_promoted,
				  intake_procedure, trained_staff, counselling, entered_by, entered_at)
				VALUES (:facility, :on, :prevention_session, :hotline_promoted, :intake_procedure, :trained_staff,
				  :counselling, :by, :now)"""), kind, check).param("facility", facility.value())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * A check's date and one column an item: found or not for the items of the kind's
	 * checklist, null (not asked) for the others.
	 */
	private static JdbcClient.StatementSpec items(JdbcClient.StatementSpec sql, FacilityKind kind,
			FacilityCheck check) {
		JdbcClient.StatementSpec spec = sql.param("on", RegisterRows.sqlDate(check.checkedOn()));
		for (CheckItem item : CheckItem.values()) {
			spec = spec.param(item.column(),
					kind.checklist().contains(item) ? Boolean.valueOf(check.items().contains(item)) : null,
					Types.BOOLEAN);
		}
		return spec;
	}

	private static Set<CheckItem> found(ResultSet rs) throws SQLException {
		Set<CheckItem> items = EnumSet.noneOf(CheckItem.class);
		for (CheckItem item : CheckItem.values()) {
			if (rs.getBoolean(item.column())) {
				items.add(item);
			}
		}
		return items;
	}

	private static CapacityCheck check(ResultSet rs, int n) throws SQLException {
		return new CapacityCheck(rs.getLong("id"), rs.getLong("facility_id"), RegisterRows.day(rs, "checked_on"),
				found(rs), rs.getInt("version"));
	}

	private static Facility facility(ResultSet rs, int n) throws SQLException {
		return new Facility(rs.getLong("id"), new UnitId(rs.getLong("unit_id")),
				FacilityKind.valueOf(rs.getString("kind")), rs.getString("name"), RegisterRows.day(rs, "checked_on"),
				found(rs), rs.getInt("version"));
	}

}
