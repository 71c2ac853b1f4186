package vn.trean.referrals;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a referral's agency recorded of its work, as a reader sees it: the outcome report
 * and its one-line summary (once completed), and for the police the receipt and
 * forwarding of the report and the interviews.
 */
public record RecordedOutcome(OutcomeKind kind, @Nullable OutcomeReport report, @Nullable String summary,
		@Nullable Instant recordedAt, @Nullable PoliceRecord police, List<Interview> interviews) {

	/** When the police received the report, and when and to whom they forwarded it. */
	public record PoliceRecord(Instant receivedAt, @Nullable Instant forwardedAt, @Nullable String forwardedTo) {
	}

	/**
	 * An interview of the child: the room and investigator as the registers name them
	 * (null once removed there), and whether each was child-friendly or trained on the
	 * day.
	 */
	public record Interview(Instant heldAt, @Nullable String room, boolean roomChildFriendly,
			@Nullable String investigator, boolean investigatorTrained, @Nullable String supportPerson) {
	}

	/** Whether there is anything to show. */
	public boolean recorded() {
		return report != null || police != null || !interviews.isEmpty();
	}

}
