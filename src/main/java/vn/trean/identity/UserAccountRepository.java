package vn.trean.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/**
 * User accounts and their roles in PostgreSQL; the second factor's secret and recovery
 * codes are written by {@link SecondFactorRepository}.
 */
@Repository
class UserAccountRepository {

	private static final String SELECT = "SELECT u.*, (SELECT string_agg(role, ',') FROM app_user_role r "
			+ "WHERE r.user_id = u.id) AS roles FROM app_user u ";

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	UserAccountRepository(JdbcClient jdbc, SecretBox secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql(SELECT + "WHERE u.username = :username")
			.param("username", username.strip().toLowerCase(java.util.Locale.ROOT))
			.query(this::map)
			.optional();
	}

	Optional<UserAccount> find(long id) {
		return jdbc.sql(SELECT + "WHERE u.id = :id").param("id", id).query(this::map).optional();
	}

	/**
	 * The account, its row locked until the transaction ends: second-factor checks of one
	 * account run one after another, whichever session or instance they come from, so no
	 * guess slips past the count.
	 */
	Optional<UserAccount> findForUpdate(long id) {
		return jdbc.sql(SELECT + "WHERE u.id = :id FOR UPDATE OF u").param("id", id).query(this::map).optional();
	}

	List<UserAccount> findInUnits(Collection<UnitId> units, long offset, int limit) {
		return jdbc.sql(SELECT
				+ "WHERE u.jurisdiction_id = ANY(:units) ORDER BY u.username COLLATE vietnamese OFFSET :offset LIMIT :limit")
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.param("offset", offset)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * Who is told about work in a unit: only the id and address are read, so no second
	 * factor is decrypted for a notice.
	 */
	List<Accounts.Recipient> findActingOn(UnitId unit, Set<Role> roles) {
		return jdbc
			.sql("SELECT u.id, u.email FROM app_user u WHERE u.jurisdiction_id = :unit AND u.enabled AND EXISTS "
					+ "(SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = ANY(:roles)) ORDER BY u.id")
			.param("unit", unit.value())
			.param("roles", roles.stream().map(Enum::name).toArray(String[]::new))
			.query((rs, row) -> new Accounts.Recipient(rs.getLong("id"), rs.getString("email")))
			.list();
	}

	List<Accounts.Recipient> findOfAgency(AgencyId agency, Set<Role> roles) {
		return jdbc
			.sql("SELECT u.id, u.email FROM app_user u WHERE u.agency_id = :agency AND u.enabled AND EXISTS "
					+ "(SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = ANY(:roles)) ORDER BY u.id")
			.param("agency", agency.value())
			.param("roles", roles.stream().map(Enum::name).toArray(String[]::new))
			.query((rs, row) -> new Accounts.Recipient(rs.getLong("id"), rs.getString("email")))
			.list();
	}

	boolean anyExists() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user)").query(Boolean.class).single();
	}

	long insert(String username, String displayName, String email, String passwordHash, UnitId jurisdiction,
			AgencyId agency, boolean demo, boolean passwordChangeRequired, Instant now) {
		return jdbc.sql("""
				INSERT INTO app_user (username, display_name, email, password_hash, jurisdiction_id, agency_id, demo,
				  password_change_required, created_at)
				VALUES (:username, :name, :email, :hash, :unit, :agency, :demo, :change, :now) RETURNING id""")
			.param("username", username)
			.param("name", displayName)
			.param("email", email)
			.param("hash", passwordHash)
			.param("unit", jurisdiction.value())
			.param("agency", agency == null ? null : agency.value())
			.param("demo", demo)
			.param("change", passwordChangeRequired)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	void updateProfile(long id, String displayName, String email, UnitId jurisdiction, AgencyId agency,
			boolean enabled) {
		jdbc.sql("UPDATE app_user SET display_name = :name, email = :email, jurisdiction_id = :unit, "
				+ "agency_id = :agency, enabled = :enabled, version = version + 1 WHERE id = :id")
			.param("name", displayName)
			.param("email", email)
			.param("unit", jurisdiction.value())
			.param("agency", agency == null ? null : agency.value())
			.param("enabled", enabled)
			.param("id", id)
			.update();
	}

	void replaceRoles(long id, Set<Role> roles) {
		jdbc.sql("DELETE FROM app_user_role WHERE user_id = :id").param("id", id).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (:id, :role)")
				.param("id", id)
				.param("role", role.name())
				.update();
		}
	}

	void updatePassword(long id, String hash, boolean changeRequired) {
		jdbc.sql("UPDATE app_user SET password_hash = :hash, password_change_required = :change WHERE id = :id")
			.param("hash", hash)
			.param("change", changeRequired)
			.param("id", id)
			.update();
	}

	/** Records a failure; returns the number of consecutive failures now stored. */
	int recordFailure(long id) {
		return jdbc
			.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE id = :id "
					+ "RETURNING failed_attempts")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	void lock(long id, Instant until) {
		jdbc.sql("UPDATE app_user SET locked_until = :until, failed_attempts = 0 WHERE id = :id")
			.param("until", Timestamp.from(until))
			.param("id", id)
			.update();
	}

	/** An administrator's unlock: both locks and their counts. */
	void clearFailures(long id) {
		jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, second_factor_failures = 0, "
				+ "second_factor_lockouts = 0, second_factor_locked_until = NULL WHERE id = :id")
			.param("id", id)
			.update();
	}

	/**
	 * Records a wrong second-factor code; returns the consecutive failures now stored.
	 */
	int recordSecondFactorFailure(long id) {
		return jdbc
			.sql("UPDATE app_user SET second_factor_failures = second_factor_failures + 1 WHERE id = :id "
					+ "RETURNING second_factor_failures")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	/**
	 * Locks the second factor for {@code base} doubled for each second-factor lock in a
	 * row before this one, at most {@code max}, and counts the lock.
	 * @return the end of the lock
	 */
	Instant lockSecondFactor(long id, Instant now, java.time.Duration base, java.time.Duration max) {
		return jdbc.sql("""
				UPDATE app_user SET second_factor_failures = 0, second_factor_lockouts = second_factor_lockouts + 1,
				  second_factor_locked_until = CAST(:now AS timestamptz) + make_interval(secs =>
				    LEAST(:base * power(2, LEAST(second_factor_lockouts, 30)), :max))
				WHERE id = :id RETURNING second_factor_locked_until""")
			.param("now", Timestamp.from(now))
			.param("base", (double) base.toSeconds())
			.param("max", (double) max.toSeconds())
			.param("id", id)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	/**
	 * A completed sign-in lifts the password lock and resets the counts, but only while
	 * the account is enabled and its second factor is not locked (checked in the same
	 * statement, so a lock taken a moment ago by another session wins).
	 * @return whether the sign-in may complete
	 */
	boolean completeSignIn(long id, Instant now) {
		return jdbc.sql("""
				UPDATE app_user SET failed_attempts = 0, locked_until = NULL, second_factor_failures = 0,
				  second_factor_lockouts = 0
				WHERE id = :id AND enabled
				  AND (second_factor_locked_until IS NULL OR second_factor_locked_until <= :now)""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	UserAccount map(ResultSet rs, int row) throws SQLException {
		long agency = rs.getLong("agency_id");
		AgencyId agencyId = rs.wasNull() ? null : new AgencyId(agency);
		long step = rs.getLong("totp_last_used_step");
		Long lastStep = rs.wasNull() ? null : step;
		String roleList = rs.getString("roles");
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (roleList != null) {
			for (String role : roleList.split(",")) {
				roles.add(Role.valueOf(role));
			}
		}
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getString("password_hash"), new UnitId(rs.getLong("jurisdiction_id")),
				agencyId, rs.getBoolean("enabled"), rs.getBoolean("demo"), rs.getBoolean("password_change_required"),
				secrets.open(rs.getString("totp_secret")), instant(rs, "totp_enrolled_at"), lastStep,
				rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "second_factor_locked_until"),
				roles);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
