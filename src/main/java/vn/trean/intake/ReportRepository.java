package vn.trean.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.children.ChildId;
import vn.trean.children.Sex;
import vn.trean.geography.UnitId;
import vn.trean.shared.VietnameseText;

/**
 * Reports and their children in PostgreSQL; who was told of them is
 * {@link ReportNotificationStore}'s.
 */
@Repository
class ReportRepository {

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new report and its children.
	 * <p>
	 * Kept whole: one INSERT of the report's row, each of its 26 parameters bound in the
	 * order of the columns it names; split, a column and its value would be read in two
	 * places.
	 */
	void insert(Report r) {
		jdbc.sql("""
				INSERT INTO report (id, reference_code, received_at, channel, received_by, receiving_agency_id,
				  api_token_id, reporter_anonymous, reporter_name, reporter_phone, reporter_relation,
				  reporter_wants_feedback, contact_type, harm_forms, setting, perpetrator_relation,
				  perpetrator_lives_with, perpetrator_can_reach, place_unit_id, account, danger_signs, urgency,
				  emergency_decision_due, routed_unit_id, transfer_out, status)
				VALUES (:id, :ref, :at, :channel, :by, :agency, :token, :anon, :rname, :rphone, :rrel, :feedback,
				  :contact, :harms, :setting, :prel, :lives, :reach, :place, :account, :dangers, :urgency, :due,
				  :routed, :transfer, :status)""")
			.param("id", r.id().value())
			.param("ref", r.referenceCode())
			.param("at", Timestamp.from(r.receivedAt()))
			.param("channel", r.channel().name())
			.param("by", r.receivedBy())
			.param("agency", r.receivingAgency())
			.param("token", r.apiToken())
			.param("anon", r.reporter().anonymous())
			.param("rname", r.reporter().name())
			.param("rphone", r.reporter().phone())
			.param("rrel", name(r.reporter().relation()))
			.param("feedback", r.reporter().wantsFeedback())
			.param("contact", r.contactType().name())
			.param("harms", join(r.harmForms()))
			.param("setting", name(r.setting()))
			.param("prel", name(r.perpetratorRelation()))
			.param("lives", r.perpetratorLivesWithChild())
			.param("reach", r.perpetratorCanReachChild())
			.param("place", r.place() == null ? null : r.place().value())
			.param("account", r.account())
			.param("dangers", join(r.dangerSigns()))
			.param("urgency", r.urgency().name())
			.param("due", r.emergencyDecisionDue() == null ? null : Timestamp.from(r.emergencyDecisionDue()))
			.param("routed", r.routedTo().value())
			.param("transfer", r.transferOut())
			.param("status", r.status().name())
			.update();
		insertChildren(r);
	}

	private void insertChildren(Report r) {
		int position = 0;
		for (Report.ReportedChild c : r.children()) {
			jdbc.sql("""
					INSERT INTO report_child (report_id, position, child_id, full_name, name_key, sex, birth_date,
					  approximate_age, personal_id, residence_unit_id, address_detail, school, parent_name)
					VALUES (:report, :position, :child, :name, :key, :sex, :born, :age, :pid, :unit, :address, :school,
					  :parent)""")
				.param("report", r.id().value())
				.param("position", position++)
				.param("child", c.childId().value())
				.param("name", c.fullName())
				.param("key", VietnameseText.fold(c.fullName()))
				.param("sex", c.sex().name())
				.param("born", c.birthDate())
				.param("age", c.approximateAge())
				.param("pid", c.personalId())
				.param("unit", c.residence() == null ? null : c.residence().value())
				.param("address", c.addressDetail())
				.param("school", c.school())
				.param("parent", c.parentName())
				.update();
		}
	}

	Optional<Report> find(ReportId id) {
		return jdbc.sql("SELECT * FROM report WHERE id = :id")
			.param("id", id.value())
			.query((rs, n) -> map(rs))
			.optional()
			.map(r -> r.withChildren(children(id)));
	}

	java.util.Map<UUID, String> referenceCodes(Collection<UUID> ids) {
		return jdbc.sql("SELECT id, reference_code FROM report WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, n) -> java.util.Map.entry(rs.getObject("id", UUID.class), rs.getString("reference_code")))
			.list()
			.stream()
			.collect(Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
	}

	Optional<PublicStatus> statusByReference(String referenceCode) {
		return jdbc.sql("SELECT status, received_at FROM report WHERE reference_code = :ref")
			.param("ref", referenceCode)
			.query((rs, n) -> new PublicStatus(ReportStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("received_at").toInstant()))
			.optional();
	}

	boolean inCase(ReportId id) {
		return jdbc.sql("SELECT in_case FROM report WHERE id = :id")
			.param("id", id.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	Optional<CaseLink> caseOf(ReportId id) {
		return jdbc.sql("SELECT case_id, case_code FROM report WHERE id = :id AND case_id IS NOT NULL")
			.param("id", id.value())
			.query((rs, n) -> new CaseLink(rs.getObject("case_id", UUID.class), rs.getString("case_code")))
			.optional();
	}

	void markTakenIntoCase(ReportId id, CaseLink into) {
		jdbc.sql("UPDATE report SET in_case = TRUE, case_id = :case, case_code = :code WHERE id = :id")
			.param("id", id.value())
			.param("case", into.id())
			.param("code", into.code())
			.update();
	}

	/**
	 * @return whether the report moved into handling now
	 */
	boolean markInHandling(ReportId id) {
		return jdbc.sql(
				"UPDATE report SET status = 'IN_HANDLING' WHERE id = :id AND status IN ('RECEIVED', 'AWAITING_VERIFICATION')")
			.param("id", id.value())
			.update() == 1;
	}

	private List<Report.ReportedChild> children(ReportId id) {
		return jdbc.sql("SELECT * FROM report_child WHERE report_id = :id ORDER BY position")
			.param("id", id.value())
			.query((rs, n) -> {
				long unit = rs.getLong("residence_unit_id");
				UnitId residence = rs.wasNull() ? null : new UnitId(unit);
				int age = rs.getInt("approximate_age");
				Integer approximateAge = rs.wasNull() ? null : age;
				return new Report.ReportedChild(new ChildId(rs.getLong("child_id")), rs.getString("full_name"),
						Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class), approximateAge,
						rs.getString("personal_id"), residence, rs.getString("address_detail"), rs.getString("school"),
						rs.getString("parent_name"));
			})
			.list();
	}

	private static Report map(ResultSet rs) throws SQLException {
		long place = rs.getLong("place_unit_id");
		UnitId placeUnit = rs.wasNull() ? null : new UnitId(place);
		Timestamp due = rs.getTimestamp("emergency_decision_due");
		return new Report(new ReportId(rs.getObject("id", UUID.class)), rs.getString("reference_code"),
				rs.getTimestamp("received_at").toInstant(), Channel.valueOf(rs.getString("channel")),
				nullableLong(rs, "received_by"), nullableLong(rs, "receiving_agency_id"),
				nullableLong(rs, "api_token_id"),
				new Report.Reporter(rs.getBoolean("reporter_anonymous"), rs.getString("reporter_name"),
						rs.getString("reporter_phone"), enumOrNull(Relation.class, rs.getString("reporter_relation")),
						rs.getBoolean("reporter_wants_feedback")),
				List.of(), ContactType.valueOf(rs.getString("contact_type")),
				enums(HarmForm.class, rs.getString("harm_forms")), enumOrNull(Setting.class, rs.getString("setting")),
				enumOrNull(Relation.class, rs.getString("perpetrator_relation")),
				rs.getBoolean("perpetrator_lives_with"), rs.getBoolean("perpetrator_can_reach"), placeUnit,
				rs.getString("account"), enums(DangerSign.class, rs.getString("danger_signs")),
				Urgency.valueOf(rs.getString("urgency")), due == null ? null : due.toInstant(),
				new UnitId(rs.getLong("routed_unit_id")), rs.getBoolean("transfer_out"),
				ReportStatus.valueOf(rs.getString("status")));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	private static <E extends Enum<E>> Set<E> enums(Class<E> type, String list) {
		Set<E> result = EnumSet.noneOf(type);
		Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).map(s -> Enum.valueOf(type, s)).forEach(result::add);
		return result;
	}

	private static String join(Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

}
