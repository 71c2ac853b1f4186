package vn.trean.referrals;

import java.time.LocalDate;
import java.util.LinkedHashMap;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import vn.trean.shared.PlainText;

/**
 * The police's outcome of a child-friendly investigation: whether a forensic examination
 * was requested and done, and the decision on prosecution (not opened with its reason, or
 * transferred to another body). The receipt and forwarding of the report and the
 * interviews are recorded as steps of their own, before.
 */
public record PoliceOutcome(@NotNull LocalDate completedOn, @NotNull Boolean forensicRequested,
		@NotNull Boolean forensicDone, @NotNull Decision decision, @NotNull LocalDate decidedOn,
		@PlainText(max = 1000) @Nullable String notOpenedReason,
		@PlainText(max = 200) @Nullable String transferredTo) implements OutcomeReport {

	/** The decision on the crime report. */
	public enum Decision {

		/** A criminal case was opened (khởi tố vụ án). */
		PROSECUTION_OPENED,
		/** No criminal case was opened, for a stated reason. */
		NOT_OPENED,
		/** Transferred to another competent body. */
		TRANSFERRED;

		public String key() {
			return "referral.outcome.police.decision." + name();
		}

	}

	public PoliceOutcome {
		notOpenedReason = ReferralChanges.clean(notOpenedReason);
		transferredTo = ReferralChanges.clean(transferredTo);
	}

	@Override
	public LinkedHashMap<String, LocalDate> dates() {
		LinkedHashMap<String, LocalDate> dates = new LinkedHashMap<>();
		dates.put("completedOn", completedOn);
		dates.put("decidedOn", decidedOn);
		return dates;
	}

	/** The report with only the detail its decision asks for. */
	PoliceOutcome forItsDecision() {
		return new PoliceOutcome(completedOn, forensicRequested, forensicDone, decision, decidedOn,
				decision == Decision.NOT_OPENED ? notOpenedReason : null,
				decision == Decision.TRANSFERRED ? transferredTo : null);
	}

}
