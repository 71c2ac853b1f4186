package vn.trean.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Gives Spring Security's password check the stored hash; locks and the enabled flag are
 * applied after it, by {@link LoginSteps}.
 */
@Service
class AccountDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	AccountDetailsService(UserAccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = accounts.findByUsername(username == null ? "" : username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return new SignInPrincipal(account.id(), account.username(), account.passwordHash());
	}

}
