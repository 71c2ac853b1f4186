package vn.trean.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * What the session remembers of the signed-in user: only the id and username. Roles and
 * jurisdiction are read afresh on every request, so a change by an administrator takes
 * effect at once. Right after the password it grants nothing but the next login step.
 */
final class SignInPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String FACTOR_PASSWORD = "FACTOR_PASSWORD";

	static final String FACTOR_SECOND = "FACTOR_SECOND";

	static final String LOGIN_COMPLETE = "LOGIN_COMPLETE";

	private final long userId;

	private final String username;

	private String passwordHash;

	/**
	 * The password step checks the password only; whether a disabled or locked account
	 * may go on is decided after it ({@link LoginSteps}), so such an account is answered
	 * like an unknown one, in the same time.
	 */
	SignInPrincipal(long userId, String username, String passwordHash) {
		this.userId = userId;
		this.username = username;
		this.passwordHash = passwordHash;
	}

	long userId() {
		return userId;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(FACTOR_PASSWORD));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignInPrincipal that && that.userId == userId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(userId);
	}

	@Override
	public String toString() {
		return "SignInPrincipal[" + username + "]";
	}

}
