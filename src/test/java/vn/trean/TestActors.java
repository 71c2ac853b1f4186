package vn.trean;

import java.util.Set;

import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;

/** Actors for tests that only need an audit name and a client address. */
public final class TestActors {

	private TestActors() {
	}

	/**
	 * An actor the audit log names {@code username}, acting from {@code clientAddress}
	 * (may be {@code null}), holding no role.
	 */
	public static Actor named(String username, String clientAddress) {
		return Actor.of(new CurrentUser(0, username, username, Set.of(), null, null), clientAddress);
	}

}
