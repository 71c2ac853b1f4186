package vn.trean.cases;

import java.sql.Timestamp;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Actor;

/**
 * Timeline entries written by another module's step on a case (a referral sent, a consent
 * recorded), in that step's transaction. The case's version is not moved, so an officer's
 * open form on the case stays valid; a closed file is kept as it was closed, so nothing
 * is added to it and the caller shows the step on its own record instead.
 */
@Component
public class CaseEntries {

	private final CaseChangeStore store;

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseEntries(CaseChangeStore store, JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds the entry (kind worded {@code entry.<kind>}) to the case's timeline unless the
	 * case is closed; answers whether it was added. Must run inside the caller's
	 * transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean record(Actor actor, CaseId id, String kind, NoteVisibility visibility, @Nullable String text,
			@Nullable String ref) {
		boolean open = jdbc
			.sql("SELECT status NOT IN ('CLOSED', 'NOT_SUBSTANTIATED') FROM protection_case WHERE id = :id")
			.param("id", id.value())
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new UnknownCase(id));
		if (!open) {
			return false;
		}
		long userId = actor.optionalUser().map(u -> u.id()).orElse(0L);
		String name = actor.optionalUser().map(u -> u.displayName()).orElse(actor.name());
		store.entry(id, new ProtectionCase.Actor(userId, name), clock.instant(), kind, text, visibility, ref);
		return true;
	}

}
