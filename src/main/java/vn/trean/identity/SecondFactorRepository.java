package vn.trean.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An account's second factor in PostgreSQL: the sealed TOTP secret and the last time step
 * used (columns of {@code app_user}, read with the account by
 * {@link UserAccountRepository}), and the one-time recovery codes.
 */
@Repository
class SecondFactorRepository {

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	SecondFactorRepository(JdbcClient jdbc, SecretBox secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	/**
	 * Enrols a second factor, only if none is enrolled: of two sessions enrolling at
	 * once, the second finds it done.
	 * @return whether this enrolment took
	 */
	boolean enrolSecondFactor(long id, String secret, long usedStep, Instant now) {
		return jdbc
			.sql("UPDATE app_user SET totp_secret = :secret, totp_enrolled_at = :now, totp_last_used_step = :step "
					+ "WHERE id = :id AND totp_secret IS NULL")
			.param("secret", secrets.seal(secret))
			.param("now", Timestamp.from(now))
			.param("step", usedStep)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Marks a TOTP time step as used, only if it is later than the last one used; false
	 * means the code was used already (a replay).
	 */
	boolean useStep(long id, long step) {
		return jdbc
			.sql("UPDATE app_user SET totp_last_used_step = :step WHERE id = :id "
					+ "AND (totp_last_used_step IS NULL OR totp_last_used_step < :step)")
			.param("step", step)
			.param("id", id)
			.update() == 1;
	}

	void resetSecondFactor(long id) {
		jdbc.sql("UPDATE app_user SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_used_step = NULL "
				+ "WHERE id = :id")
			.param("id", id)
			.update();
		jdbc.sql("DELETE FROM recovery_code WHERE user_id = :id").param("id", id).update();
	}

	void replaceRecoveryCodes(long id, Collection<String> hashes) {
		jdbc.sql("DELETE FROM recovery_code WHERE user_id = :id").param("id", id).update();
		for (String hash : hashes) {
			jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (:id, :hash)")
				.param("id", id)
				.param("hash", hash)
				.update();
		}
	}

	/** Marks an unused recovery code as used; false when there is no such unused code. */
	boolean useRecoveryCode(long id, String hash, Instant now) {
		return jdbc
			.sql("UPDATE recovery_code SET used_at = :now WHERE user_id = :id AND code_hash = :hash "
					+ "AND used_at IS NULL")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("hash", hash)
			.update() == 1;
	}

	int unusedRecoveryCodes(long id) {
		return jdbc.sql("SELECT count(*) FROM recovery_code WHERE user_id = :id AND used_at IS NULL")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
