package vn.trean.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param maxFailedAttempts consecutive failures (password or second factor) that lock an
 * account
 * @param lockout how long a locked account stays locked
 * @param issuer the name authenticator apps show next to the code
 * @param recoveryCodes how many one-time recovery codes a user gets
 * @param demoHints whether the second-factor page shows the current code of demo accounts
 * @param secretKey 32 random bytes in Base64 that encrypt the TOTP secrets at rest
 */
@ConfigurationProperties("trean.identity")
record IdentitySettings(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockout,
		@DefaultValue("Trẻ An") String issuer, @DefaultValue("10") int recoveryCodes,
		@DefaultValue("false") boolean demoHints, String secretKey) {
}
