package vn.trean.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import vn.trean.geography.UnitId;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Urgency;

import static vn.trean.cases.CaseRepository.nullableLong;

/** A case list's line as {@link CaseListQueries} reads it from a row. */
@Component
class CaseListRows implements RowMapper<CaseSummary> {

	@Override
	public CaseSummary mapRow(ResultSet rs, int row) throws SQLException {
		Timestamp next = rs.getTimestamp("next_deadline_at");
		String step = rs.getString("next_deadline_step");
		Long transfer = nullableLong(rs, "transfer_to_unit_id");
		String childName = rs.getString("child_name");
		CaseSummary.ListedChild child = childName == null ? null : new CaseSummary.ListedChild(childName,
				rs.getObject("child_born", LocalDate.class), rs.getBoolean("child_approximate"));
		return new CaseSummary(new CaseId(rs.getObject("id", UUID.class)), rs.getString("reference_code"),
				new UnitId(rs.getLong("unit_id")), ProtectionCase.Status.valueOf(rs.getString("status")),
				Urgency.valueOf(rs.getString("urgency")), next == null ? null : next.toInstant(),
				step == null ? null : DeadlineStep.valueOf(step), nullableLong(rs, "assigned_officer_id"),
				rs.getTimestamp("opened_at").toInstant(), transfer == null ? null : new UnitId(transfer), child,
				rs.getInt("children"), harms(rs.getString("harm_forms")), rs.getBoolean("closing_recorded"),
				rs.getBoolean("found_by_phone"));
	}

	private static Set<HarmForm> harms(@Nullable String list) {
		Set<HarmForm> result = EnumSet.noneOf(HarmForm.class);
		if (list != null) {
			Arrays.stream(list.split(","))
				.filter(s -> !s.isBlank())
				.map(s -> HarmForm.valueOf(s.strip()))
				.forEach(result::add);
		}
		return result;
	}

}
