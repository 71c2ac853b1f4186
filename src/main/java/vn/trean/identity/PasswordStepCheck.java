package vn.trean.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Decides, inside the password check and after the password matched, whether the account
 * may go on: a disabled account, a locked second factor, or a password lock without the
 * owner's code given beside the password, fail the check itself. The sign-in then takes
 * the failure path exactly like a wrong password (same answer, no new session), so a
 * right password gives nothing away while the account is locked. A code given beside the
 * password is checked here too (it counts against the second factor like any code); when
 * it is right, the sign-in has passed the second factor ({@link #FACTOR_PASSED}).
 */
@Component
class PasswordStepCheck implements UserDetailsChecker {

	/** Request attribute: the code given beside the password was right. */
	static final String FACTOR_PASSED = PasswordStepCheck.class.getName() + ".factorPassed";

	/**
	 * The password matched, but the account may not go on; audited by the failure path.
	 */
	static final class Refused extends AccountStatusException {

		private final String username;

		/**
		 * {@code locked}, {@code disabled}, or {@code code} (a wrong code, audited
		 * already).
		 */
		private final String reason;

		Refused(String username, String reason) {
			super("sign-in refused: " + reason);
			this.username = username;
			this.reason = reason;
		}

		String username() {
			return username;
		}

		String reason() {
			return reason;
		}

	}

	private final UserAccountRepository accounts;

	private final LoginAttempts attempts;

	PasswordStepCheck(UserAccountRepository accounts, LoginAttempts attempts) {
		this.accounts = accounts;
		this.attempts = attempts;
	}

	@Override
	public void check(UserDetails user) {
		SignInPrincipal principal = (SignInPrincipal) user;
		UserAccount account = accounts.find(principal.userId())
			.orElseThrow(() -> new Refused(principal.getUsername(), "disabled"));
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		String code = request.getParameter("code");
		boolean factorPassed = false;
		if (code != null && !code.isBlank()) {
			if (!account.secondFactorEnrolled() || attempts.checkSecondFactor(account.id(),
					code.length() > 20 ? "" : code, request.getRemoteAddr()) != SecondFactor.Outcome.ACCEPTED) {
				throw new Refused(account.username(), "code");
			}
			factorPassed = true;
			request.setAttribute(FACTOR_PASSED, Boolean.TRUE);
		}
		if (!attempts.mayContinue(account, factorPassed)) {
			throw new Refused(account.username(), account.enabled() ? "locked" : "disabled");
		}
	}

}
