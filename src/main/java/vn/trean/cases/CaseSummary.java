package vn.trean.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Urgency;

/**
 * A line of a case list: the case, its first child (left out for a viewer who may not see
 * her) and how many others, the forms of harm its reports name, where it stands, who must
 * act and its next legal deadline.
 */
public record CaseSummary(CaseId id, String referenceCode, UnitId unit, ProtectionCase.Status status, Urgency urgency,
		@Nullable Instant nextDeadline, @Nullable DeadlineStep nextStep, @Nullable Long assignedOfficer,
		Instant openedAt, @Nullable UnitId transferTo, @Nullable ListedChild child, int children,
		Set<HarmForm> harmForms, boolean closingRecorded, boolean foundByPhone) {

	/** Who the case waits for. */
	public enum WaitingOn {

		/** The assigned officer (or, when none is, whoever the chair assigns). */
		OFFICER,
		/**
		 * The chair: a plan to approve, an emergency decision whose clock runs, or a
		 * closing once Mẫu 06 is recorded.
		 */
		CHAIR,
		/** The commune the case is being transferred to, which accepts or declines it. */
		RECEIVING_COMMUNE,
		/** Nobody: the case is closed. */
		NOBODY

	}

	/** The first child of a case as a list shows her. */
	public record ListedChild(String fullName, @Nullable LocalDate birthDate, boolean birthDateApproximate) {

		/**
		 * Her age in whole years on the day, or null when the birth date is not known.
		 */
		public @Nullable Integer age(LocalDate today) {
			if (birthDate == null) {
				return null;
			}
			return birthDateApproximate ? today.getYear() - birthDate.getYear()
					: Period.between(birthDate, today).getYears();
		}

	}

	/** Time left to the next deadline (negative when passed), or null without one. */
	public @Nullable Duration timeLeft(Instant now) {
		return nextDeadline == null ? null : Duration.between(now, nextDeadline);
	}

	/** Whether the next deadline has passed. */
	public boolean overdue(Instant now) {
		return nextDeadline != null && nextDeadline.isBefore(now);
	}

	/**
	 * Who must act now: the chair while a plan waits for approval, while an emergency
	 * decision may be taken and its clock runs next, and in a review whose Mẫu 06 is
	 * recorded; the receiving commune during a transfer; nobody on a closed case; the
	 * officer otherwise.
	 */
	public WaitingOn waitingOn() {
		if (!status.open()) {
			return WaitingOn.NOBODY;
		}
		if (status == ProtectionCase.Status.TRANSFERRING) {
			return WaitingOn.RECEIVING_COMMUNE;
		}
		if (status == ProtectionCase.Status.AWAITING_APPROVAL || closingRecorded
				|| (nextStep == DeadlineStep.EMERGENCY_DECISION && CaseStep.EMERGENCY_DECISION.possibleIn(status))) {
			return WaitingOn.CHAIR;
		}
		return WaitingOn.OFFICER;
	}

	/** Children besides the first. */
	public int otherChildren() {
		return Math.max(0, children - 1);
	}

	/** The same line without the child, for a viewer who may not see her. */
	CaseSummary withoutChild() {
		return new CaseSummary(id, referenceCode, unit, status, urgency, nextDeadline, nextStep, assignedOfficer,
				openedAt, transferTo, null, 0, harmForms, closingRecorded, foundByPhone);
	}

}
