package vn.trean.referrals;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Actor;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;

/**
 * The receiving agency's steps: accept or decline (with a reason), progress notes the
 * case officer reads, and the outcome. Each is decided for the agency's focal points,
 * never the case's commune ({@link ReferralStep}).
 */
@Service
@Transactional
public class ReferralAnswers {

	/** A progress note, seen by the agency and the case's officer. */
	public record ProgressNote(@NotBlank @PlainText(max = 5000) String text) {
	}

	/** The outcome report: when the work ended and what it achieved. */
	public record Completion(@NotNull LocalDate completedOn, @NotBlank @PlainText(max = 2000) String summary) {
	}

	private final ReferralChanges changes;

	private final ReferralClocks clocks;

	ReferralAnswers(ReferralChanges changes, ReferralClocks clocks) {
		this.changes = changes;
		this.clocks = clocks;
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
	 * Reports the outcome: only on an accepted referral, dated neither before it was sent
	 * nor in the future.
	 */
	public void complete(Actor actor, ReferralId id, int version, Completion completion) {
		String summary = ReferralChanges.clean(completion.summary());
		changes.change(actor, id, version, ReferralStep.COMPLETE, summary, r -> {
			LocalDate today = Referrals.today(changes.now());
			FormErrors errors = new FormErrors();
			if (r.sentAt() != null && completion.completedOn().isBefore(Referrals.today(r.sentAt()))) {
				errors.reject("completedOn", "referral.outcome.date-before-referral");
			}
			if (completion.completedOn().isAfter(today)) {
				errors.reject("completedOn", "referral.outcome.date-in-future");
			}
			InvalidReferralInput.check(errors);
			r.complete(summary);
		});
	}

}
