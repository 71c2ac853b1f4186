package vn.trean.cases;

import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.Role;

/**
 * The first assignment of a case opened from a report: the commune's officers and their
 * loads (open cases, the latest opening of a case assigned to them, read in one
 * statement), weighed by {@link FirstAssignmentPolicy}.
 */
@Component
class FirstAssignment {

	private final Accounts accounts;

	private final JdbcClient jdbc;

	FirstAssignment(Accounts accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/**
	 * The officer the policy chooses in the commune, or {@code null} when it has none.
	 */
	@Nullable Long officerFor(UnitId commune) {
		Long[] officers = accounts.actingOn(commune, EnumSet.of(Role.COMMUNE_OFFICER))
			.stream()
			.map(Accounts.Recipient::userId)
			.toArray(Long[]::new);
		if (officers.length == 0) {
			return null;
		}
		return FirstAssignmentPolicy.choose(loads(officers)).orElse(null);
	}

	private List<FirstAssignmentPolicy.OfficerLoad> loads(Long[] officers) {
		return jdbc.sql("""
				SELECT o.id, count(c.id) FILTER (WHERE c.closed_at IS NULL) AS open_cases,
				  max(c.opened_at) AS last_new_case
				FROM unnest(:officers) AS o(id) LEFT JOIN protection_case c ON c.assigned_officer_id = o.id
				GROUP BY o.id""").param("officers", officers).query((rs, n) -> {
			Timestamp last = rs.getTimestamp("last_new_case");
			return new FirstAssignmentPolicy.OfficerLoad(rs.getLong("id"), rs.getInt("open_cases"),
					last == null ? null : last.toInstant());
		}).list();
	}

}
