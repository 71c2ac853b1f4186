package vn.trean.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-in steps and applies the two locks of an account, with every attempt
 * published for the audit log.
 * <ul>
 * <li>The <em>password lock</em>: after too many wrong passwords in a row (5: 15 minutes
 * by default). While it holds, the password alone is answered like a wrong one and ends
 * every half-done sign-in; only the password and the owner's own second-factor code given
 * together lift it, so a stranger who types wrong passwords can neither keep the owner
 * out nor learn whether a guessed password is right.</li>
 * <li>The <em>second-factor lock</em>: after too many wrong codes in a row, counted per
 * account in every session and instance. While it holds, no code is checked, not even the
 * right one, and a completed sign-in does not lift it; each lock in a row lasts twice as
 * long as the one before (up to a day). Only someone who knows the password can cause it;
 * time or an administrator's unlock (audited) ends it.</li>
 * </ul>
 * Every failure also counts against the client address ({@link SignInThrottle}).
 */
@Service
class LoginAttempts {

	private final UserAccountRepository accounts;

	private final SecondFactor secondFactor;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final IdentitySettings settings;

	private final Clock clock;

	LoginAttempts(UserAccountRepository accounts, SecondFactor secondFactor, SignInThrottle throttle,
			ApplicationEventPublisher events, IdentitySettings settings, Clock clock) {
		this.accounts = accounts;
		this.secondFactor = secondFactor;
		this.throttle = throttle;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Whether the account may go on signing in: enabled, its second factor not locked,
	 * and not locked for wrong passwords unless this sign-in has passed the second
	 * factor.
	 */
	boolean mayContinue(UserAccount account, boolean secondFactorPassed) {
		Instant now = clock.instant();
		if (!secondFactorOpen(account, now)) {
			return false;
		}
		return !account.passwordLockedAt(now) || secondFactorPassed;
	}

	private static boolean secondFactorOpen(UserAccount account, Instant now) {
		return account.enabled() && !account.secondFactorLockedAt(now);
	}

	/**
	 * Records a wrong password (or an unknown account) and locks the account when due.
	 */
	@Transactional
	void passwordFailed(String username, String clientAddress) {
		Instant now = clock.instant();
		String name = username == null || username.isBlank() ? "(blank)"
				: truncate(username.strip().replaceAll("\\s+", " "));
		events.publishEvent(new IdentityEvents.LoginFailed(name, clientAddress, "credentials", now));
		Optional<UserAccount> account = accounts.findByUsername(name);
		if (account.isPresent() && !account.get().passwordLockedAt(now)) {
			int failures = accounts.recordFailure(account.get().id());
			if (failures >= settings.maxFailedAttempts()) {
				Instant until = now.plus(settings.lockout());
				accounts.lock(account.get().id(), until);
				events.publishEvent(new IdentityEvents.AccountLocked(account.get().username(), clientAddress, false,
						"locked until " + until, now));
			}
		}
		// the account's row before the address's, as in checkSecondFactor: no deadlock
		throttle.failed(clientAddress);
	}

	/**
	 * Records a password step refused after the right password
	 * ({@link PasswordStepCheck}): it counts against the client address like a wrong one;
	 * a wrong code given beside it was recorded when it was checked.
	 */
	@Transactional
	void refusedAtPassword(String username, String reason, String clientAddress) {
		if (!"code".equals(reason)) {
			events.publishEvent(new IdentityEvents.LoginFailed(username, clientAddress, reason, clock.instant()));
		}
		throttle.failed(clientAddress);
	}

	/** Records that an account that may not sign in now gave its right password. */
	@Transactional
	void refused(UserAccount account, String clientAddress) {
		String reason = !account.enabled() ? "disabled" : "locked";
		events.publishEvent(new IdentityEvents.LoginFailed(account.username(), clientAddress, reason, clock.instant()));
	}

	/**
	 * Checks a second-factor code, one check of an account at a time; a locked second
	 * factor is refused without looking at the code.
	 */
	@Transactional
	SecondFactor.Outcome checkSecondFactor(long userId, String code, String clientAddress) {
		Instant now = clock.instant();
		UserAccount account = accounts.findForUpdate(userId).orElseThrow();
		if (!secondFactorOpen(account, now)) {
			refused(account, clientAddress);
			return SecondFactor.Outcome.LOCKED;
		}
		SecondFactor.Outcome outcome = secondFactor.verify(account, code, clientAddress);
		if (outcome == SecondFactor.Outcome.ACCEPTED) {
			return outcome;
		}
		String reason = outcome == SecondFactor.Outcome.REPLAYED ? "second-factor-replayed" : "second-factor-wrong";
		events.publishEvent(new IdentityEvents.LoginFailed(account.username(), clientAddress, reason, now));
		throttle.failed(clientAddress);
		if (accounts.recordSecondFactorFailure(userId) >= settings.maxFailedAttempts()) {
			Instant until = accounts.lockSecondFactor(userId, now, settings.lockout(),
					settings.maxSecondFactorLockout());
			events.publishEvent(new IdentityEvents.AccountLocked(account.username(), clientAddress, true,
					"second factor locked until " + until, now));
			return SecondFactor.Outcome.LOCKED;
		}
		return outcome;
	}

	/**
	 * Completes a sign-in: lifts the password lock and resets the counts, unless the
	 * account was disabled or its second factor locked in the meantime.
	 * @return whether the sign-in may complete
	 */
	@Transactional
	boolean succeeded(UserAccount account, String clientAddress) {
		if (!accounts.completeSignIn(account.id(), clock.instant())) {
			refused(account, clientAddress);
			return false;
		}
		events.publishEvent(new IdentityEvents.LoginSucceeded(account.username(), clientAddress, clock.instant()));
		return true;
	}

	@Transactional
	void loggedOut(String username, String clientAddress) {
		events.publishEvent(new IdentityEvents.LoggedOut(username, clientAddress, clock.instant()));
	}

	private static String truncate(String text) {
		return text.length() > 64 ? text.substring(0, 64) : text;
	}

}
