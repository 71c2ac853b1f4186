package vn.trean.identity;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * The past-tense events of the identity module. Each one is recorded by the audit log;
 * none carries a password, a code or a token.
 */
public final class IdentityEvents {

	private IdentityEvents() {
	}

	/**
	 * An event about a user account: by default the actor's own, successful, without
	 * detail.
	 */
	interface AboutAnAccount extends AuditableEvent {

		@Override
		default String targetType() {
			return "USER";
		}

		@Override
		default String targetId() {
			return actor();
		}

		@Override
		default String outcome() {
			return "SUCCESS";
		}

		@Override
		default String detail() {
			return null;
		}

	}

	/** Someone completed the sign-in (password and, where required, second factor). */
	public record LoginSucceeded(String actor, String clientAddress, Instant occurredAt) implements AboutAnAccount {

		@Override
		public String action() {
			return "LOGIN_SUCCEEDED";
		}

	}

	/**
	 * A password or second-factor code was wrong, or the account was locked or disabled.
	 */
	public record LoginFailed(String actor, String clientAddress, String detail,
			Instant occurredAt) implements AboutAnAccount {

		@Override
		public String action() {
			return "LOGIN_FAILED";
		}

		@Override
		public String outcome() {
			return "FAILURE";
		}

	}

	/**
	 * Too many failures in a row locked the account for a while: its password step or its
	 * second factor (the detail says which, and until when).
	 */
	public record AccountLocked(String actor, String clientAddress, boolean secondFactor, String detail,
			Instant occurredAt) implements AboutAnAccount {

		@Override
		public String action() {
			return "ACCOUNT_LOCKED";
		}

	}

	/** A user signed out. */
	public record LoggedOut(String actor, String clientAddress, Instant occurredAt) implements AboutAnAccount {

		@Override
		public String action() {
			return "LOGGED_OUT";
		}

	}

	/**
	 * Something about an account changed: created, updated (roles, jurisdiction, agency),
	 * unlocked, password changed, second factor enrolled or reset, a recovery code used.
	 */
	public record AccountChanged(String actor, String change, long userId, String detail, String clientAddress,
			Instant occurredAt) implements AboutAnAccount {

		@Override
		public String action() {
			return change;
		}

		@Override
		public String targetId() {
			return Long.toString(userId);
		}

	}

	/** An API token was issued, revoked or used. */
	public record ApiTokenActivity(String actor, String change, long tokenId, String detail, String clientAddress,
			Instant occurredAt) implements AboutAnAccount {

		@Override
		public String action() {
			return change;
		}

		@Override
		public String targetType() {
			return "API_TOKEN";
		}

		@Override
		public String targetId() {
			return Long.toString(tokenId);
		}

	}

	/**
	 * A request was refused by the authorization rules: who, what it was about (the
	 * record, or the address asked for), and why.
	 */
	public record AccessWasRefused(String actor, String targetType, String targetId, String detail,
			String clientAddress, Instant occurredAt) implements AuditableEvent {

		@Override
		public String action() {
			return "ACCESS_REFUSED";
		}

		@Override
		public String outcome() {
			return "DENIED";
		}

	}

}
