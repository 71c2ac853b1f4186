package vn.trean.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.shared.Page;
import vn.trean.shared.Verdict;
import vn.trean.shared.VietnameseText;

/**
 * What administrators do to accounts, only inside their own jurisdiction: list, create
 * and change them, unlock them and reset their password or second factor. Every change is
 * published for the audit log.
 */
@Service
class AccountAdministration {

	private final UserAccountRepository accounts;

	private final Authorization authorization;

	private final Geography geography;

	private final AgencyLookup agencies;

	private final PasswordEncoder passwords;

	private final SecondFactor secondFactor;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SignedInSessions sessions;

	AccountAdministration(UserAccountRepository accounts, Authorization authorization, Geography geography,
			AgencyLookup agencies, PasswordEncoder passwords, SecondFactor secondFactor,
			ApplicationEventPublisher events, Clock clock, SignedInSessions sessions) {
		this.accounts = accounts;
		this.authorization = authorization;
		this.geography = geography;
		this.agencies = agencies;
		this.passwords = passwords;
		this.secondFactor = secondFactor;
		this.events = events;
		this.clock = clock;
		this.sessions = sessions;
	}

	/** One page of the accounts the administrator may manage, ordered by username. */
	@Transactional(readOnly = true)
	public Page<Accounts.AccountSummary> visibleTo(CurrentUser actor, int page, int size) {
		List<Accounts.AccountSummary> fetched = accounts
			.findInUnits(authorization.unitsInReach(actor, Action.MANAGE_USERS), Page.offset(page, size),
					Page.fetchSize(size))
			.stream()
			.map(this::summary)
			.toList();
		return Page.of(fetched, page, size);
	}

	@Transactional(readOnly = true)
	public Accounts.AccountSummary get(CurrentUser actor, long userId) {
		return summary(inReach(actor, Action.MANAGE_USERS, userId));
	}

	@Transactional
	public long create(Actor by, Accounts.AccountDetails details, String initialPassword) {
		CurrentUser actor = by.signedIn();
		authorization.require(actor, Action.MANAGE_USERS, ResourceScope.at(details.jurisdiction()));
		String username = Accounts.checkUsername(details.username());
		if (accounts.findByUsername(username).isPresent()) {
			throw new AccountRejected("username", "account.username.taken");
		}
		checkDetails(actor, details);
		Verdict<Void> password = PasswordPolicy.check(initialPassword, username);
		if (!password.allowed()) {
			throw new AccountRejected("password", password.reason());
		}
		long id = accounts.insert(username, VietnameseText.normalize(details.displayName()),
				Accounts.blankToNull(details.email()), passwords.encode(initialPassword), details.jurisdiction(),
				details.agency(), false, true, clock.instant());
		accounts.replaceRoles(id, details.roles());
		events.publishEvent(new IdentityEvents.AccountChanged(actor.username(), "USER_CREATED", id,
				"roles=" + details.roles() + " jurisdiction=" + details.jurisdiction() + " agency=" + details.agency(),
				by.clientAddress(), clock.instant()));
		return id;
	}

	@Transactional
	public void update(Actor by, long userId, Accounts.AccountDetails details) {
		CurrentUser actor = by.signedIn();
		UserAccount before = accounts.find(userId)
			.orElseThrow(() -> new AccessRefused(Action.MANAGE_USERS, "access.refused.not-found"));
		authorization.require(actor, Action.MANAGE_USERS, ResourceScope.at(before.jurisdiction()));
		authorization.require(actor, Action.MANAGE_USERS, ResourceScope.at(details.jurisdiction()));
		checkDetails(actor, details);
		if (actor.id() == userId && !details.enabled()) {
			throw new AccountRejected("enabled", "account.cannot-disable-self");
		}
		accounts.updateProfile(userId, VietnameseText.normalize(details.displayName()),
				Accounts.blankToNull(details.email()), details.jurisdiction(), details.agency(), details.enabled());
		accounts.replaceRoles(userId, details.roles());
		events.publishEvent(new IdentityEvents.AccountChanged(actor.username(), "USER_UPDATED", userId,
				String.join("; ", changes(before, details)), by.clientAddress(), clock.instant()));
	}

	/**
	 * What an update changes of the roles, the jurisdiction, the agency and the state.
	 */
	private static List<String> changes(UserAccount before, Accounts.AccountDetails details) {
		List<String> changes = new ArrayList<>();
		if (!before.roles().equals(details.roles())) {
			changes.add("roles " + before.roles() + " -> " + details.roles());
		}
		if (!before.jurisdiction().equals(details.jurisdiction())) {
			changes.add("jurisdiction " + before.jurisdiction() + " -> " + details.jurisdiction());
		}
		if (!java.util.Objects.equals(before.agency(), details.agency())) {
			changes.add("agency " + before.agency() + " -> " + details.agency());
		}
		if (before.enabled() != details.enabled()) {
			changes.add("enabled " + before.enabled() + " -> " + details.enabled());
		}
		return changes;
	}

	@Transactional
	public void unlock(Actor by, long userId) {
		CurrentUser actor = by.signedIn();
		inReach(actor, Action.MANAGE_USERS, userId);
		accounts.clearFailures(userId);
		events.publishEvent(new IdentityEvents.AccountChanged(actor.username(), "USER_UNLOCKED", userId, null,
				by.clientAddress(), clock.instant()));
	}

	/**
	 * Resets the second factor together with the password: the owner enrols again after
	 * signing in with a temporary password the administrator hands over. A reset alone
	 * would let whoever knows the old password (the likely reason the second factor was
	 * locked or lost) enrol a phone of their own.
	 */
	@Transactional
	public void resetSecondFactor(Actor by, long userId, String temporaryPassword) {
		CurrentUser actor = by.signedIn();
		UserAccount account = inReach(actor, Action.RESET_SECOND_FACTOR, userId);
		requireAllowed(temporaryPassword, account);
		secondFactor.reset(actor.username(), userId, by.clientAddress());
		accounts.clearFailures(userId);
		setTemporaryPassword(by, account, temporaryPassword);
	}

	@Transactional
	public void resetPassword(Actor by, long userId, String newPassword) {
		UserAccount account = inReach(by.signedIn(), Action.MANAGE_USERS, userId);
		requireAllowed(newPassword, account);
		setTemporaryPassword(by, account, newPassword);
	}

	private static void requireAllowed(String password, UserAccount account) {
		Verdict<Void> policy = PasswordPolicy.check(password, account.username());
		if (!policy.allowed()) {
			throw new AccountRejected("password", policy.reason());
		}
	}

	/**
	 * A password the owner must change at the next sign-in; the owner's sessions end.
	 */
	private void setTemporaryPassword(Actor by, UserAccount account, String password) {
		accounts.updatePassword(account.id(), passwords.encode(password), true);
		sessions.endAll(account.username());
		events.publishEvent(new IdentityEvents.AccountChanged(by.signedIn().username(), "PASSWORD_RESET", account.id(),
				null, by.clientAddress(), clock.instant()));
	}

	/**
	 * What the password policy says of a password an administrator sets for an account in
	 * their reach ({@code action} names the change), before the change is made: the reset
	 * pages show a refusal after a redirect, next to the buttons.
	 */
	@Transactional(readOnly = true)
	public Verdict<Void> checkNewPassword(CurrentUser actor, Action action, long userId, String password) {
		return PasswordPolicy.check(password, inReach(actor, action, userId).username());
	}

	private UserAccount inReach(CurrentUser actor, Action action, long userId) {
		UserAccount account = accounts.find(userId)
			.orElseThrow(() -> new AccessRefused(action, "access.refused.not-found"));
		authorization.require(actor, action, ResourceScope.at(account.jurisdiction()));
		return account;
	}

	private void checkDetails(CurrentUser actor, Accounts.AccountDetails details) {
		if (details.displayName() == null || details.displayName().isBlank()) {
			throw new AccountRejected("displayName", "validation.required");
		}
		if (details.roles() == null || details.roles().isEmpty()) {
			throw new AccountRejected("roles", "account.roles.required");
		}
		AdministrativeUnit unit = geography.find(details.jurisdiction())
			.orElseThrow(() -> new AccountRejected("jurisdiction", "account.jurisdiction.unknown"));
		if (!unit.current()) {
			throw new AccountRejected("jurisdiction", "account.jurisdiction.historical");
		}
		if (details.agency() != null) {
			var agency = agencies.find(details.agency())
				.orElseThrow(() -> new AccountRejected("agency", "account.agency.unknown"));
			if (!geography.contains(actor.jurisdiction(), agency.unit())) {
				throw new AccountRejected("agency", "account.agency.outside");
			}
		}
		else if (details.roles().contains(Role.AGENCY_FOCAL_POINT)) {
			throw new AccountRejected("agency", "account.agency.required");
		}
		if (details.roles().contains(Role.SYSTEM_ADMINISTRATOR) && !actor.has(Role.SYSTEM_ADMINISTRATOR)) {
			throw new AccountRejected("roles", "account.roles.cannot-grant");
		}
	}

	private Accounts.AccountSummary summary(UserAccount a) {
		return new Accounts.AccountSummary(a.id(), a.username(), a.displayName(), a.email(), a.jurisdiction(),
				a.agency(), a.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(a.roles()), a.enabled(),
				a.lockedAt(clock.instant()), a.secondFactorEnrolled(), a.secondFactorRequired(), a.demo());
	}

}
