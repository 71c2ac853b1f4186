package vn.trean.referrals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.trean.children.ChildId;

/**
 * A consent or a legal basis of a case as its grounds page shows it: for whom and what
 * purpose, whether it is in force, who gave it and how (a consent) or on what law (a
 * basis), how it ended, and after a withdrawal what was already shared on it.
 */
public record GroundView(Kind kind, long id, ChildId child, String childName, SharingPurpose purpose,
		@Nullable String purposeNote, State state, Instant recordedAt, String recordedBy, @Nullable Consent consent,
		@Nullable Basis basis, @Nullable Closing closing, List<Disclosure> disclosures) {

	public GroundView {
		disclosures = List.copyOf(disclosures);
	}

	GroundView withState(State state) {
		return new GroundView(kind, id, child, childName, purpose, purposeNote, state, recordedAt, recordedBy, consent,
				basis, closing, disclosures);
	}

	GroundView withDisclosures(List<Disclosure> shared) {
		return new GroundView(kind, id, child, childName, purpose, purposeNote, state, recordedAt, recordedBy, consent,
				basis, closing, shared);
	}

	public boolean ofConsent() {
		return kind == Kind.CONSENT;
	}

	/** Whether it may still be withdrawn or ended. */
	public boolean open() {
		return state == State.IN_FORCE || state == State.LAPSED;
	}

	public enum Kind {

		CONSENT, BASIS

	}

	/** Worded {@code grounds.state.*}. */
	public enum State {

		/** Counts for sharing now. */
		IN_FORCE,
		/** A parent's or guardian's consent alone, the child being 7 or more now. */
		LAPSED,
		/** A consent withdrawn. */
		WITHDRAWN,
		/** A legal basis ended. */
		ENDED

	}

	/** Who gave a consent, how and when; the child's age the day it was recorded. */
	public record Consent(int childAgeOnDay, List<Giver> givers) {

		public Consent {
			givers = List.copyOf(givers);
		}

		public boolean childGave() {
			return givers.stream().anyMatch(g -> g.role() == ConsentDraft.Role.CHILD);
		}

	}

	public record Giver(ConsentDraft.Role role, String name, ConsentDraft.Method method, LocalDateTime givenAt,
			@Nullable UUID attachmentId, @Nullable String witnessName, @Nullable String witnessRole) {
	}

	public record Basis(LegalBasis basis, @Nullable String requestingBody, @Nullable String requestReference,
			@Nullable String lawReference, String note) {
	}

	/**
	 * How it ended: when, the officer who recorded it, who withdrew (a consent) and the
	 * note.
	 */
	public record Closing(Instant at, @Nullable String recordedBy, Withdrawal.@Nullable By withdrawnBy,
			@Nullable String note) {
	}

	/** What a referral showed on the ground: to whom, how, when and which fields. */
	public record Disclosure(String referralCode, Instant at, String channel, String viewer, String fields) {
	}

}
