package vn.trean.referrals;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.registers.RegisterLookups;
import vn.trean.shared.PlainText;
import vn.trean.shared.Time;

/**
 * The receiving agency's steps: accept or decline (with a reason), progress notes the
 * case officer reads, the police's forwarding and interviews, and the outcome report of
 * the agency's kind. Each is decided for the agency's focal points, never the case's
 * commune ({@link ReferralStep}); the rules of the outcome are {@link OutcomePolicy}'s.
 */
@Service
@Transactional
public class ReferralAnswers {

	/** A progress note, seen by the agency and the case's officer. */
	public record ProgressNote(@NotBlank @PlainText(max = 5000) String text) {
	}

	/** The outcome report, of the kind of the agency's sector ({@link OutcomeKind}). */
	public record Completion(@NotNull @Valid OutcomeReport report) {
	}

	/**
	 * When the police received the crime report and forwarded it to the investigation
	 * agency (named), in Viet Nam's time.
	 */
	public record Forwarding(@NotNull LocalDateTime receivedAt, @NotNull LocalDateTime forwardedAt,
			@NotBlank @PlainText(max = 200) String forwardedTo) {
	}

	/**
	 * An interview of the child: when (Viet Nam's time), in which registered room, by
	 * which rostered investigator, and who was there to support the child.
	 */
	public record Interview(@NotNull LocalDateTime heldAt, @NotNull Long room, @NotNull Long investigator,
			@PlainText(max = 200) @Nullable String supportPerson) {
	}

	private final ReferralChanges changes;

	private final ReferralClocks clocks;

	private final OutcomeStore outcomes;

	private final OutcomeSummary summaries;

	private final CaseHarms harms;

	private final RegisterLookups registers;

	private final Geography geography;

	ReferralAnswers(ReferralChanges changes, ReferralClocks clocks, OutcomeStore outcomes, OutcomeSummary summaries,
			CaseHarms harms, RegisterLookups registers, Geography geography) {
		this.changes = changes;
		this.clocks = clocks;
		this.outcomes = outcomes;
		this.summaries = summaries;
		this.harms = harms;
		this.registers = registers;
		this.geography = geography;
	}

	public void accept(Actor actor, ReferralId id, int version) {
		Instant now = changes.now();
		changes.change(actor, id, version, ReferralStep.ACCEPT, null,
				r -> r.accept(clocks.completionDue(r.address().services(), now)));
	}

	public void decline(Actor actor, ReferralId id, int version, Referrals.Reason reason) {
		String text = ReferralChanges.clean(reason.reason());
		changes.change(actor, id, version, ReferralStep.DECLINE, text, r -> r.decline(text));
	}

	public void noteProgress(Actor actor, ReferralId id, int version, ProgressNote note) {
		String text = ReferralChanges.clean(note.text());
		changes.change(actor, id, version, ReferralStep.NOTE_PROGRESS, text, r -> r.noteProgress(text));
	}

	/**
	 * Reports the outcome: only on an accepted referral, a report of the agency's kind,
	 * every date neither before the referral was sent nor in the future
	 * ({@link OutcomePolicy}); its one-line summary goes to the case's timeline.
	 */
	public void complete(Actor actor, ReferralId id, int version, Completion completion) {
		Referral seen = allowed(actor, id, ReferralStep.COMPLETE);
		OutcomeKind kind = OutcomeKind.of(seen.address().sector());
		OutcomeReport report = OutcomePolicy
			.check(kind, completion.report(), Referrals.today(sentAt(seen)), Referrals.today(changes.now()),
					harms.sexualAbuse(seen.address().caseId()))
			.orThrow(InvalidReferralInput::new);
		String summary = summaries.of(kind, report, outcomes.interviewCount(id));
		changes.change(actor, id, version, ReferralStep.COMPLETE, summary, r -> r.complete(summary));
		outcomes.outcome(id, kind, report, summary, ReferralChanges.doer(actor), changes.now());
	}

	/**
	 * The police record that they received the crime report and forwarded it: the
	 * forwarding clock is met. Only on a referral for a crime investigation.
	 */
	public void recordForwarding(Actor actor, ReferralId id, int version, Forwarding forwarding) {
		Referral seen = allowed(actor, id, ReferralStep.RECORD_FORWARDING);
		if (!seen.address().services().contains(ReferralService.CRIME_INVESTIGATION)) {
			throw new ReferralRuleBroken("referral.transition.refused", seen.status());
		}
		OutcomePolicy.forwarding(forwarding.receivedAt(), forwarding.forwardedAt(), sentAt(seen), changes.now())
			.orThrow(InvalidReferralInput::new);
		changes.change(actor, id, version, ReferralStep.RECORD_FORWARDING, null, Referral::recordForwarding);
		outcomes.forwarding(id, instant(forwarding.receivedAt()), instant(forwarding.forwardedAt()),
				ReferralChanges.clean(forwarding.forwardedTo()));
	}

	/**
	 * The police record an interview of the child, in a room and by an investigator of
	 * the registers; whether the room is child-friendly and the investigator trained is
	 * taken from the registers as they stand.
	 */
	public void recordInterview(Actor actor, ReferralId id, int version, Interview interview) {
		Referral seen = allowed(actor, id, ReferralStep.RECORD_INTERVIEW);
		if (OutcomeKind.of(seen.address().sector()) != OutcomeKind.POLICE) {
			throw new ReferralRuleBroken("referral.transition.refused", seen.status());
		}
		UnitId province = geography.provinceOf(seen.address().agencyUnit());
		OutcomePolicy.InterviewFacts facts = OutcomePolicy
			.interview(interview.heldAt(), sentAt(seen), changes.now(), registers.room(interview.room()).orElse(null),
					registers.member(interview.investigator()).orElse(null),
					unit -> geography.provinceOf(unit).equals(province))
			.orThrow(InvalidReferralInput::new);
		changes.change(actor, id, version, ReferralStep.RECORD_INTERVIEW, null, Referral::recordInterview);
		outcomes.interview(id,
				new OutcomeStore.NewInterview(instant(interview.heldAt()), interview.room(), facts.roomChildFriendly(),
						interview.investigator(), facts.investigatorTrained(),
						ReferralChanges.clean(interview.supportPerson())),
				ReferralChanges.doer(actor), changes.now());
	}

	/** The referral, once the user may take the step on it now (its state first). */
	private Referral allowed(Actor actor, ReferralId id, ReferralStep step) {
		Referral r = changes.load(id);
		changes.require(actor, step, r);
		return r;
	}

	private static Instant sentAt(Referral r) {
		if (r.sentAt() == null) {
			throw new ReferralRuleBroken("referral.transition.refused", r.status());
		}
		return r.sentAt();
	}

	private static Instant instant(LocalDateTime at) {
		return at.atZone(Time.ZONE).toInstant();
	}

}
