package vn.trean.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.registers.RegisterLookups;
import vn.trean.registers.WorkforceRole;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Time;
import vn.trean.shared.Verdict;

/**
 * The rules of an agency's outcome that Bean Validation cannot see, in one place: the
 * report is of the agency's kind; every date lies between the day the referral was sent
 * and today; the 72-hour question is asked only after a sexual assault, and then must be
 * answered; a prosecution not opened needs its reason, a transfer the body it went to.
 * The police's forwarding and interviews follow the same clock, and an interview names a
 * registered room and a rostered investigator of the agency's province; whether the room
 * is child-friendly and the investigator trained come from the registers, never typed.
 * Pure: the caller passes what it read.
 */
final class OutcomePolicy {

	/** What the registers said of an interview's room and investigator on the day. */
	record InterviewFacts(boolean roomChildFriendly, boolean investigatorTrained) {
	}

	private OutcomePolicy() {
	}

	/** The report as stored (detail no question asked for dropped), or why not. */
	static Verdict<OutcomeReport> check(OutcomeKind kind, OutcomeReport report, LocalDate sentOn, LocalDate today,
			boolean sexualAbuse) {
		if (!kind.fits(report)) {
			return Verdict.refuse(Verdict.GENERAL, "referral.outcome.wrong-kind");
		}
		FormErrors errors = new FormErrors();
		report.dates().forEach((field, day) -> checkDay(errors, field, day, sentOn, today));
		OutcomeReport stored = report;
		if (report instanceof HealthOutcome health) {
			if (sexualAbuse && health.within72Hours() == null) {
				errors.reject("within72Hours", "validation.required");
			}
			stored = health.within72Hours(sexualAbuse ? health.within72Hours() : null);
		}
		else if (report instanceof PoliceOutcome police) {
			if (police.decision() == PoliceOutcome.Decision.NOT_OPENED && police.notOpenedReason() == null) {
				errors.reject("notOpenedReason", "referral.outcome.police.reason-required");
			}
			if (police.decision() == PoliceOutcome.Decision.TRANSFERRED && police.transferredTo() == null) {
				errors.reject("transferredTo", "referral.outcome.police.transferred-to-required");
			}
			stored = police.forItsDecision();
		}
		return errors.hasErrors() ? Verdict.refuse(errors) : Verdict.allow(stored);
	}

	/**
	 * The police received the report on or after it was sent and forwarded it after
	 * receiving it, neither in the future.
	 */
	static Verdict<Void> forwarding(LocalDateTime receivedAt, LocalDateTime forwardedAt, Instant sentAt, Instant now) {
		FormErrors errors = new FormErrors();
		checkMoment(errors, "receivedAt", receivedAt, sentAt, now);
		checkMoment(errors, "forwardedAt", forwardedAt, sentAt, now);
		if (!errors.has("forwardedAt") && forwardedAt.isBefore(receivedAt)) {
			errors.reject("forwardedAt", "referral.forwarding.before-receipt");
		}
		return errors.hasErrors() ? Verdict.refuse(errors) : Verdict.allow(null);
	}

	/**
	 * An interview held since the referral was sent, not in the future, in a room
	 * registered in the agency's province, by a police investigator on its roster active
	 * on the day; answers what the registers say of both on that day.
	 */
	static Verdict<InterviewFacts> interview(LocalDateTime heldAt, Instant sentAt, Instant now,
			RegisterLookups.@Nullable Room room, RegisterLookups.@Nullable Member investigator,
			Predicate<UnitId> inProvince) {
		FormErrors errors = new FormErrors();
		checkMoment(errors, "heldAt", heldAt, sentAt, now);
		LocalDate day = heldAt.toLocalDate();
		if (room == null || !inProvince.test(room.unit())) {
			errors.reject("room", "referral.interview.room-unknown");
		}
		if (investigator == null || investigator.role() != WorkforceRole.POLICE_INVESTIGATOR
				|| !investigator.activeOn(day) || !inProvince.test(investigator.unit())) {
			errors.reject("investigator", "referral.interview.investigator-not-on-roster");
		}
		if (errors.hasErrors()) {
			return Verdict.refuse(errors);
		}
		return Verdict.allow(new InterviewFacts(room.childFriendlyOn(day), investigator.trainedBy(day)));
	}

	private static void checkDay(FormErrors errors, String field, @Nullable LocalDate day, LocalDate sentOn,
			LocalDate today) {
		if (day == null) {
			return;
		}
		if (day.isBefore(sentOn)) {
			errors.reject(field, "referral.outcome.date-before-referral");
		}
		else if (day.isAfter(today)) {
			errors.reject(field, "referral.outcome.date-in-future");
		}
	}

	/** A moment typed to the minute, in Vietnam's time. */
	private static void checkMoment(FormErrors errors, String field, LocalDateTime at, Instant sentAt, Instant now) {
		Instant instant = at.atZone(Time.ZONE).toInstant();
		if (instant.isBefore(sentAt.truncatedTo(ChronoUnit.MINUTES))) {
			errors.reject(field, "referral.outcome.date-before-referral");
		}
		else if (instant.isAfter(now)) {
			errors.reject(field, "referral.outcome.date-in-future");
		}
	}

}
