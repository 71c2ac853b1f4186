package vn.trean.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of an account, signed in or half-way, on every instance (sessions
 * live in PostgreSQL): when an administrator resets its password or second factor,
 * whoever held the old ones must not stay signed in.
 */
@Component
class SignedInSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	void endAll(String username) {
		FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
		if (repository != null) {
			repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
		}
	}

}
