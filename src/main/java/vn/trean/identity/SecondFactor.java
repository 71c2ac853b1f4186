package vn.trean.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TOTP second factor: enrolment, verification (a code is accepted once), one-time
 * recovery codes (stored as SHA-256 hashes), and the reset an administrator can make.
 */
@Service
class SecondFactor {

	/** The result of checking a code. */
	enum Outcome {

		/** A fresh TOTP code or an unused recovery code. */
		ACCEPTED,
		/** Not a valid code now. */
		WRONG,
		/** A valid code that was used before. */
		REPLAYED,
		/** Not checked: the account may not sign in now (locked or disabled). */
		LOCKED

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccountRepository accounts;

	private final SecondFactorRepository credentials;

	private final ApplicationEventPublisher events;

	private final IdentitySettings settings;

	private final Clock clock;

	SecondFactor(UserAccountRepository accounts, SecondFactorRepository credentials, ApplicationEventPublisher events,
			IdentitySettings settings, Clock clock) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** Checks a code; callers count the failures ({@link LoginAttempts}). */
	@Transactional
	Outcome verify(UserAccount account, String code, String clientAddress) {
		long userId = account.id();
		if (!account.secondFactorEnrolled() || code == null) {
			return Outcome.WRONG;
		}
		String trimmed = code.replace(" ", "").strip();
		OptionalLong step = Totp.matchingStep(account.totpSecret(), trimmed, clock.instant());
		if (step.isPresent()) {
			return credentials.useStep(userId, step.getAsLong()) ? Outcome.ACCEPTED : Outcome.REPLAYED;
		}
		String normalised = normaliseRecoveryCode(trimmed);
		if (normalised.length() == 10 && credentials.useRecoveryCode(userId, hash(normalised), clock.instant())) {
			events.publishEvent(new IdentityEvents.AccountChanged(account.username(), "RECOVERY_CODE_USED", userId,
					credentials.unusedRecoveryCodes(userId) + " left", clientAddress, clock.instant()));
			return Outcome.ACCEPTED;
		}
		return Outcome.WRONG;
	}

	/**
	 * Confirms enrolment with a code from the user's app.
	 * @return the new recovery codes, shown once; empty when the code was wrong
	 */
	@Transactional
	List<String> enrol(long userId, String secret, String code, String clientAddress) {
		OptionalLong step = Totp.matchingStep(secret, code == null ? "" : code.replace(" ", "").strip(),
				clock.instant());
		if (step.isEmpty()) {
			return List.of();
		}
		UserAccount account = accounts.find(userId).orElseThrow();
		if (!credentials.enrolSecondFactor(userId, secret, step.getAsLong(), clock.instant())) {
			return List.of();
		}
		List<String> codes = newRecoveryCodes(userId);
		events.publishEvent(new IdentityEvents.AccountChanged(account.username(), "SECOND_FACTOR_ENROLLED", userId,
				null, clientAddress, clock.instant()));
		return codes;
	}

	/** Provisions a known secret without a code (demo accounts only). */
	@Transactional
	void enrolKnownSecret(long userId, String secret) {
		credentials.enrolSecondFactor(userId, secret, Totp.stepAt(Instant.EPOCH), clock.instant());
	}

	@Transactional
	void reset(String actor, long userId, String clientAddress) {
		credentials.resetSecondFactor(userId);
		events.publishEvent(new IdentityEvents.AccountChanged(actor, "SECOND_FACTOR_RESET", userId, null, clientAddress,
				clock.instant()));
	}

	private List<String> newRecoveryCodes(long userId) {
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < settings.recoveryCodes(); i++) {
			byte[] bytes = new byte[7];
			RANDOM.nextBytes(bytes);
			String code = Totp.base32(bytes).substring(0, 10);
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
			hashes.add(hash(code));
		}
		credentials.replaceRecoveryCodes(userId, hashes);
		return codes;
	}

	/**
	 * The code an authenticator shows now for a demo account, for the labelled demo hint.
	 */
	String currentDemoCode(long userId) {
		return accounts.find(userId)
			.filter(UserAccount::demo)
			.filter(UserAccount::secondFactorEnrolled)
			.map(a -> Totp.codeAt(a.totpSecret(), Totp.stepAt(clock.instant())))
			.orElse(null);
	}

	private static String normaliseRecoveryCode(String code) {
		return code.replace("-", "").toUpperCase(Locale.ROOT);
	}

	private static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
