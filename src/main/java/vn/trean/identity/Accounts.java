package vn.trean.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Verdict;
import vn.trean.shared.VietnameseText;

/**
 * User accounts as the rest of the system knows them: the signed-in user read afresh, the
 * accounts to notify, the accounts provisioned without an administrator, and a user's
 * change of their own password. What administrators do to accounts is
 * {@link AccountAdministration}. Every change is published for the audit log.
 */
@Service
public class Accounts {

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwords;

	private final SecondFactor secondFactor;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AccountNames names;

	Accounts(UserAccountRepository accounts, PasswordEncoder passwords, SecondFactor secondFactor,
			ApplicationEventPublisher events, Clock clock, AccountNames names) {
		this.names = names;
		this.accounts = accounts;
		this.passwords = passwords;
		this.secondFactor = secondFactor;
		this.events = events;
		this.clock = clock;
	}

	/** What an administrator enters for a new or changed account. */
	public record AccountDetails(String username, String displayName, String email, UnitId jurisdiction,
			AgencyId agency, Set<Role> roles, boolean enabled) {
	}

	/** An account as the administration pages list it. */
	public record AccountSummary(long id, String username, String displayName, String email, UnitId jurisdiction,
			AgencyId agency, Set<Role> roles, boolean enabled, boolean locked, boolean secondFactorEnrolled,
			boolean secondFactorRequired, boolean demo) {
	}

	/** The signed-in user, read afresh (roles and jurisdiction may have changed). */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> current(long userId) {
		return accounts.find(userId).filter(UserAccount::enabled).map(UserAccount::toCurrentUser);
	}

	/**
	 * A user changes their own password, proving the current one; {@code by} is not yet
	 * signed in when the change is a step of the sign-in.
	 */
	@Transactional
	public void changeOwnPassword(Actor by, long userId, String currentPassword, String newPassword) {
		UserAccount account = accounts.find(userId).orElseThrow();
		if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
			throw new AccountRejected("currentPassword", "password.current-wrong");
		}
		Verdict<Void> policy = PasswordPolicy.check(newPassword, account.username());
		if (!policy.allowed()) {
			throw new AccountRejected("newPassword", policy.reason());
		}
		if (passwords.matches(newPassword, account.passwordHash())) {
			throw new AccountRejected("newPassword", "password.same-as-before");
		}
		accounts.updatePassword(userId, passwords.encode(newPassword), false);
		events.publishEvent(new IdentityEvents.AccountChanged(account.username(), "PASSWORD_CHANGED", userId, null,
				by.clientAddress(), clock.instant()));
	}

	/**
	 * Creates an account without an acting administrator: the production bootstrap's
	 * first administrator and the labelled demo accounts. Never reachable from a web
	 * request.
	 */
	@Transactional
	public long provision(AccountDetails details, String password, boolean demo, boolean passwordChangeRequired,
			String knownTotpSecret) {
		String username = checkUsername(details.username());
		long id = accounts.insert(username, VietnameseText.normalize(details.displayName()),
				blankToNull(details.email()), passwords.encode(password), details.jurisdiction(), details.agency(),
				demo, passwordChangeRequired, clock.instant());
		accounts.replaceRoles(id, details.roles());
		if (knownTotpSecret != null) {
			secondFactor.enrolKnownSecret(id, knownTotpSecret);
		}
		events.publishEvent(new IdentityEvents.AccountChanged("system", demo ? "DEMO_USER_CREATED" : "USER_CREATED", id,
				"roles=" + details.roles(), null, clock.instant()));
		return id;
	}

	/** Someone to notify: an account's id and e-mail address (may be {@code null}). */
	public record Recipient(long userId, String email) {
	}

	/**
	 * The enabled accounts whose jurisdiction is exactly the unit and that hold one of
	 * the roles.
	 */
	@Transactional(readOnly = true)
	public List<Recipient> actingOn(UnitId unit, Set<Role> roles) {
		return accounts.findActingOn(unit, roles);
	}

	/** The enabled accounts attached to the agency that hold one of the roles. */
	@Transactional(readOnly = true)
	public List<Recipient> ofAgency(AgencyId agency, Set<Role> roles) {
		return accounts.findOfAgency(agency, roles);
	}

	/** The display names of the accounts, by id; an id of no account is left out. */
	@Transactional(readOnly = true)
	public Map<Long, String> displayNames(Collection<Long> ids) {
		return names.displayNames(ids);
	}

	/** The enabled accounts attached to the agency, by id, in name order. */
	@Transactional(readOnly = true)
	public Map<Long, String> membersOf(AgencyId agency) {
		return names.enabledOfAgency(agency);
	}

	@Transactional(readOnly = true)
	public boolean anyAccountExists() {
		return accounts.anyExists();
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return accounts.findByUsername(username).isPresent();
	}

	/**
	 * The username as stored, stripped and in lower case: 3 to 64 letters a-z, digits,
	 * dots, underscores and hyphens, the first a letter or digit.
	 */
	static String checkUsername(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		if (!name.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
			throw new AccountRejected("username", "account.username.invalid");
		}
		return name;
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
