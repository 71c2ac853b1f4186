package vn.trean.referrals;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseEntries;
import vn.trean.cases.NoteVisibility;
import vn.trean.directory.Agency;
import vn.trean.directory.Directory;
import vn.trean.identity.AccessRefused;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.VietnameseText;

/**
 * How every step of a referral is taken: the user must be allowed the step on their side
 * (the sending commune or the receiving agency), the referral unchanged since the version
 * they saw; the aggregate's verb then records what happened, the referral saves with a
 * new version, the case's timeline gets the step (unless the case is closed), and the
 * event and audit entry are published.
 */
@Component
class ReferralChanges {

	private final ReferralRepository referrals;

	private final Authorization authorization;

	private final CaseEntries entries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Directory directory;

	ReferralChanges(ReferralRepository referrals, Authorization authorization, CaseEntries entries,
			ApplicationEventPublisher events, Clock clock, Directory directory) {
		this.directory = directory;
		this.referrals = referrals;
		this.authorization = authorization;
		this.entries = entries;
		this.events = events;
		this.clock = clock;
	}

	/** Takes a step; the reason or note is stored with it and shown on the timeline. */
	Referral change(Actor actor, ReferralId id, int version, ReferralStep step, @Nullable String text,
			Consumer<Referral> verb) {
		Referral r = load(id);
		require(actor, step, r);
		if (r.version() != version) {
			throw new ReferralEditedConcurrently(id);
		}
		verb.accept(r);
		Instant now = now();
		referrals.update(r, doer(actor), now, text);
		stored(actor, r, step, text, now);
		return r;
	}

	/** Publishes what a stored step did and writes it on the case's timeline. */
	void stored(Actor actor, Referral r, ReferralStep step, @Nullable String text, Instant now) {
		for (Referral.Change c : r.changes()) {
			if (c instanceof Referral.Change.Entry e && !"EDITED".equals(e.kind())) {
				String line = text == null ? agencyLine(r) : text;
				entries.record(actor, r.address().caseId(), "REFERRAL_" + e.kind(), NoteVisibility.CASE_TEAM, line,
						r.code());
				events.publishEvent(new ReferralStepTaken(r.id(), r.code(), r.address().caseId(), r.address().agency(),
						e.kind(), r.status(), now));
				events.publishEvent(new ReferralAudit(actor.name(), ReferralAuditAction.of(e.kind()).name(),
						r.id().toString(), actor.clientAddress(), step.name() + " " + r.status(), now));
			}
		}
	}

	/** Refuses the step unless the user may take it now, naming why. */
	void require(Actor actor, ReferralStep step, Referral r) {
		var verdict = step.decide(authorization, actor, r);
		if (!verdict.allowed()) {
			if ("referral.transition.refused".equals(verdict.reason())) {
				throw new ReferralRuleBroken("referral.transition.refused", r.status());
			}
			throw new AccessRefused(step.side().action(), verdict.reason(), "REFERRAL", r.id().toString(), step.name());
		}
	}

	Referral load(ReferralId id) {
		return referrals.find(id).orElseThrow(() -> new UnknownReferral(id));
	}

	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static ReferralRepository.Doer doer(Actor actor) {
		return new ReferralRepository.Doer(actor.optionalUser().map(CurrentUser::id).orElse(null),
				actor.client() == null ? null : actor.client().tokenId(),
				actor.optionalUser().map(CurrentUser::displayName).orElse(actor.name()));
	}

	/** A typed text as stored: stripped and composed, or null when blank. */
	static @Nullable String clean(@Nullable String value) {
		return value == null || value.isBlank() ? null : VietnameseText.normalize(value.strip());
	}

	private String agencyLine(Referral r) {
		return directory.agency(r.address().agency()).map(Agency::name).orElse("");
	}

}
