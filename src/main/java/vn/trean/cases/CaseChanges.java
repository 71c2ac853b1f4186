package vn.trean.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.VietnameseText;

/**
 * How every step of a case is taken, for the services of cases that take them (the
 * workflow, the forms, transfers, attachments): the user must be allowed the step where
 * the case is, the case unchanged since the version they saw; the aggregate's verb then
 * records what happened, the case saves with a new version, and its events and the audit
 * entry are published.
 */
@Component
class CaseChanges {

	private final CaseRepository cases;

	private final Authorization authorization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseChanges(CaseRepository cases, Authorization authorization, ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.authorization = authorization;
		this.events = events;
		this.clock = clock;
	}

	/** Takes a step on the case; see the class comment. */
	void change(Actor actor, CaseId id, int version, CaseStep step,
			BiConsumer<ProtectionCase, ProtectionCase.Actor> verb) {
		changeNoting(actor, id, version, step, (c, a) -> {
			verb.accept(c, a);
			return null;
		});
	}

	/**
	 * Takes a step on the case whose verb also says what the audit entry adds to the
	 * case's new state (or {@code null}: nothing).
	 */
	void changeNoting(Actor actor, CaseId id, int version, CaseStep step,
			BiFunction<ProtectionCase, ProtectionCase.Actor, @Nullable String> verb) {
		CurrentUser user = actor.signedIn();
		ProtectionCase c = load(id);
		UnitId where = step == CaseStep.ACCEPT_TRANSFER || step == CaseStep.DECLINE_TRANSFER ? c.transferTo()
				: c.unit();
		if (where == null) {
			throw new CaseRuleBroken("case.transition.refused", c.status());
		}
		authorization.require(user, step.action(), ResourceScope.at(where));
		if (c.version() != version) {
			throw new CaseEditedConcurrently(id);
		}
		Instant now = now();
		ProtectionCase.Actor doer = new ProtectionCase.Actor(user.id(), user.displayName());
		String noted = verb.apply(c, doer);
		cases.update(c, doer, now);
		c.events().forEach(events::publishEvent);
		events.publishEvent(new CaseChanged(id, now));
		events.publishEvent(new CaseAudit(actor.name(), CaseAuditAction.of(step), id.toString(), actor.clientAddress(),
				noted == null ? c.status().name() : c.status().name() + " " + noted, now));
	}

	ProtectionCase load(CaseId id) {
		return cases.find(id).orElseThrow(() -> new UnknownCase(id));
	}

	/** Now, to the microsecond PostgreSQL stores. */
	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** A typed text as stored: stripped and composed, or {@code null} when blank. */
	static String clean(String value) {
		return value == null || value.isBlank() ? null : VietnameseText.normalize(value.strip());
	}

}
