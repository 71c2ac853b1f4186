package vn.trean.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.VietnameseText;

/**
 * Break-glass: a provincial manager opens a case outside their scope for a stated reason;
 * the access expires after the configured time and is flagged in the audit log and in
 * every access entry written under it.
 */
@Service
@Transactional
public class BreakGlassAccess {

	/** The shortest reason, once stripped, that says why. */
	static final int MIN_REASON = 10;

	private final CaseRepository cases;

	private final Authorization authorization;

	private final CasesSettings settings;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	BreakGlassAccess(CaseRepository cases, Authorization authorization, CasesSettings settings,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.cases = cases;
		this.authorization = authorization;
		this.settings = settings;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Why the manager needs the case, as the break-glass page submits it. */
	public record Request(@NotBlank @PlainText(max = 1000, markup = true) String reason) {
	}

	/**
	 * Grants the access until the configured time from now; a reason shorter than
	 * {@value #MIN_REASON} characters is refused. Returns when it expires.
	 */
	public Instant open(Actor actor, CaseId id, Request request) {
		CurrentUser user = actor.signedIn();
		authorization.require(user, Action.BREAK_GLASS, ResourceScope.at(user.jurisdiction()));
		cases.find(id).orElseThrow(() -> new UnknownCase(id));
		String reason = request.reason() == null ? "" : request.reason().strip();
		if (reason.length() < MIN_REASON) {
			throw new InvalidCaseInput(new FormErrors().reject("reason", "case.break-glass.reason-short"));
		}
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		Instant expires = now.plus(settings.breakGlassDuration());
		jdbc.sql("""
				INSERT INTO case_break_glass (case_id, user_id, reason, granted_at, expires_at)
				VALUES (:case, :user, :reason, :at, :expires)""")
			.param("case", id.value())
			.param("user", user.id())
			.param("reason", VietnameseText.normalize(reason))
			.param("at", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update();
		events.publishEvent(new CaseAudit(actor.name(), CaseAuditAction.BREAK_GLASS, id.toString(),
				actor.clientAddress(), "until " + expires, now));
		return expires;
	}

	/** When the user's unexpired break-glass on the case ends, if they have one. */
	@Transactional(readOnly = true)
	Optional<Instant> activeUntil(CurrentUser user, CaseId id) {
		if (!authorization.permitsSomewhere(user, Action.BREAK_GLASS)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT max(expires_at) FROM case_break_glass WHERE user_id = :user AND case_id = :case
				  AND expires_at > :now""")
			.param("user", user.id())
			.param("case", id.value())
			.param("now", Timestamp.from(clock.instant()))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

}
