package vn.trean.identity;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Gives Spring Security's password check the stored hash and the lock and enabled flags.
 */
@Service
class AccountDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final Clock clock;

	AccountDetailsService(UserAccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = accounts.findByUsername(username == null ? "" : username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return new SignInPrincipal(account.id(), account.username(), account.passwordHash(), account.enabled(),
				account.lockedAt(clock.instant()));
	}

}
