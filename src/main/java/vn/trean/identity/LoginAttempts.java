package vn.trean.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-in steps per account and locks the account after too many in a row
 * (5 failures: 15 minutes by default). Both wrong passwords and wrong second-factor codes
 * count. Every attempt is published for the audit log.
 */
@Service
class LoginAttempts {

	private final UserAccountRepository accounts;

	private final ApplicationEventPublisher events;

	private final IdentitySettings settings;

	private final Clock clock;

	LoginAttempts(UserAccountRepository accounts, ApplicationEventPublisher events, IdentitySettings settings,
			Clock clock) {
		this.accounts = accounts;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Records a failed attempt.
	 * @return whether the account is locked now
	 */
	@Transactional
	boolean failed(String username, String clientAddress, String reason) {
		Instant now = clock.instant();
		String name = username == null || username.isBlank() ? "(blank)" : truncate(username.strip());
		events.publishEvent(new IdentityEvents.LoginFailed(name, clientAddress, reason, now));
		Optional<UserAccount> account = accounts.findByUsername(name);
		if (account.isEmpty() || account.get().lockedAt(now)) {
			return account.isPresent();
		}
		int failures = accounts.recordFailure(account.get().id());
		if (failures >= settings.maxFailedAttempts()) {
			Instant until = now.plus(settings.lockout());
			accounts.lock(account.get().id(), until);
			events.publishEvent(new IdentityEvents.AccountLocked(account.get().username(), clientAddress, until, now));
			return true;
		}
		return false;
	}

	@Transactional
	void succeeded(long userId, String username, String clientAddress) {
		accounts.clearFailures(userId);
		events.publishEvent(new IdentityEvents.LoginSucceeded(username, clientAddress, clock.instant()));
	}

	@Transactional
	void loggedOut(String username, String clientAddress) {
		events.publishEvent(new IdentityEvents.LoggedOut(username, clientAddress, clock.instant()));
	}

	private static String truncate(String text) {
		return text.length() > 64 ? text.substring(0, 64) : text;
	}

}
