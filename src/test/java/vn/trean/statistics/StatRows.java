package vn.trean.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.geography.UnitId;
import vn.trean.shared.Time;

/**
 * Rows of the statistics read model written straight into its tables, for tests of the
 * figures; each test keeps to a period of its own so that none sees another's rows.
 */
final class StatRows {

	private static final AtomicLong CHILDREN = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

	private final JdbcClient jdbc;

	StatRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A number for a new child, unused by any other test. */
	static long newChild() {
		return CHILDREN.incrementAndGet();
	}

	/** Noon of a day, Vietnamese time. */
	static OffsetDateTime noon(LocalDate day) {
		return OffsetDateTime.from(day.atTime(12, 0).atZone(Time.ZONE));
	}

	static Instant noonInstant(LocalDate day) {
		return noon(day).toInstant();
	}

	/** A case of the unit opened on the day; emergency and separation may be null. */
	UUID caseOpened(UnitId unit, LocalDate opened, LocalDate emergency, LocalDate separated) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO stat_case (case_id, unit_id, status, urgency, received_at, opened_at, emergency_at,
				  separated_at, demo)
				VALUES (:id, :unit, 'OPEN', 'HIGH', :opened, :opened, :emergency, :separated, false)""")
			.param("id", id)
			.param("unit", unit.value())
			.param("opened", noon(opened))
			.param("emergency", emergency == null ? null : noon(emergency))
			.param("separated", separated == null ? null : noon(separated))
			.update();
		return id;
	}

	UUID caseOpened(UnitId unit, LocalDate opened) {
		return caseOpened(unit, opened, null, null);
	}

	/** The case was closed on a day and, unless null, reopened on another. */
	void closed(UUID caseId, UnitId unit, LocalDate closed, LocalDate reopened) {
		jdbc.sql("""
				INSERT INTO stat_case_closure (case_id, closed_at, substantiated, reopened_at, unit_id)
				VALUES (:id, :closed, true, :reopened, :unit)""")
			.param("id", caseId)
			.param("closed", noon(closed))
			.param("reopened", reopened == null ? null : noon(reopened))
			.param("unit", unit.value())
			.update();
	}

	/** A child of the case harmed on the day by the form, in the setting. */
	void abused(UUID caseId, long child, String form, UnitId unit, LocalDate on, String sex, Integer age,
			String setting) {
		jdbc.sql("""
				INSERT INTO stat_abused_child (case_id, child_id, harm_form, unit_id, harm_on, sex, age, setting, demo)
				VALUES (:case, :child, :form, :unit, :on, :sex, :age, :setting, false)""")
			.param("case", caseId)
			.param("child", child)
			.param("form", form)
			.param("unit", unit.value())
			.param("on", on)
			.param("sex", sex)
			.param("age", age)
			.param("setting", setting)
			.update();
	}

	/** A child in a group from one day to another (null: still in it). */
	void inGroup(long child, String group, String source, UnitId unit, LocalDate from, LocalDate to) {
		jdbc.sql("""
				INSERT INTO stat_circumstance (child_id, grp, source, source_id, unit_id, started_on, ended_on)
				VALUES (:child, :grp, :source, :sourceId, :unit, :from, :to)""")
			.param("child", child)
			.param("grp", group)
			.param("source", source)
			.param("sourceId", UUID.randomUUID().toString())
			.param("unit", unit.value())
			.param("from", from)
			.param("to", to)
			.update();
	}

	void supported(long child, UnitId unit, LocalDate from, LocalDate to) {
		jdbc.sql("""
				INSERT INTO stat_support (child_id, source, source_id, kind, unit_id, started_on, ended_on)
				VALUES (:child, 'RECORD', :sourceId, 'COUNSELLING', :unit, :from, :to)""")
			.param("child", child)
			.param("sourceId", UUID.randomUUID().toString())
			.param("unit", unit.value())
			.param("from", from)
			.param("to", to)
			.update();
	}

	UUID report(UnitId unit, LocalDate received, String channel, String contactType, boolean routedToCommune) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO stat_report (report_id, unit_id, received_at, channel, contact_type, routed_to_commune,
				  in_case, demo)
				VALUES (:id, :unit, :received, :channel, :type, :routed, false, false)""")
			.param("id", id)
			.param("unit", unit.value())
			.param("received", noon(received))
			.param("channel", channel)
			.param("type", contactType)
			.param("routed", routedToCommune)
			.update();
		return id;
	}

}
