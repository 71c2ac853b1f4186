package vn.trean.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param maxFailedAttempts consecutive wrong passwords, or consecutive wrong
 * second-factor codes, that lock an account
 * @param lockout how long a password lock lasts, and the first second-factor lock
 * @param maxSecondFactorLockout the longest second-factor lock: each lock in a row
 * doubles the one before, up to this
 * @param addressFreeFailures failures from one client address before each further one
 * makes that address wait (1 s, then doubling)
 * @param addressMaxDelay the longest wait of one client address
 * @param addressMemory how long an address's failures are remembered after its last one
 * @param issuer the name authenticator apps show next to the code
 * @param recoveryCodes how many one-time recovery codes a user gets
 * @param demoHints whether the second-factor page shows the current code of demo accounts
 * @param secretKey 32 random bytes in Base64 that encrypt the TOTP secrets at rest
 * @param retiredSecretKeys keys used before the current one, still read for the secrets
 * they sealed until the re-encryption command ({@code --reseal-secrets}) has moved them
 */
@ConfigurationProperties("trean.identity")
record IdentitySettings(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockout,
		@DefaultValue("24h") Duration maxSecondFactorLockout, @DefaultValue("10") int addressFreeFailures,
		@DefaultValue("15m") Duration addressMaxDelay, @DefaultValue("1h") Duration addressMemory,
		@DefaultValue("Trẻ An") String issuer, @DefaultValue("10") int recoveryCodes,
		@DefaultValue("false") boolean demoHints, String secretKey, @DefaultValue List<String> retiredSecretKeys) {

	/** Never the key, wherever settings are printed. */
	@Override
	public String toString() {
		return "IdentitySettings[maxFailedAttempts=" + maxFailedAttempts + ", lockout=" + lockout
				+ ", secretKey=***, retiredSecretKeys=" + retiredSecretKeys.size() + "]";
	}

}
