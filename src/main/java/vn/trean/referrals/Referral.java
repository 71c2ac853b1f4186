package vn.trean.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trean.cases.CaseId;
import vn.trean.children.ChildId;
import vn.trean.directory.Sector;
import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/**
 * A referral of one child of a case to an agency, from draft to outcome. The aggregate
 * owns its states: every step is a verb that checks the state, refuses naming it, and
 * records what happened (history entries, clocks started or met) for the repository to
 * store with the referral in one transaction.
 * <p>
 * Kept whole: the verbs read as the referral's life in order, each guarding its state;
 * the nested types are the vocabulary they share.
 */
public class Referral {

	/** Where the referral stands. */
	public enum Status {

		/** Being written by the sending commune; the agency sees nothing. */
		DRAFT,
		/** Sent; the agency must accept or decline. */
		SENT,
		/** Accepted by the agency. */
		ACCEPTED,
		/** Declined by the agency, with a reason; may be re-sent to another agency. */
		DECLINED,
		/** The agency reported progress. */
		IN_PROGRESS,
		/** The agency reported the outcome. */
		COMPLETED,
		/** Withdrawn by the sender before it was completed. */
		WITHDRAWN;

		/** Sent and not yet answered for good: the agency has work to do. */
		public boolean open() {
			return this == SENT || this == ACCEPTED || this == IN_PROGRESS;
		}

		public String key() {
			return "referral.state." + name();
		}

	}

	/** The referral's clocks. */
	public enum Clock {

		/** The time to accept or decline, from sending. */
		RESPONSE,
		/** The time to report the outcome, from acceptance. */
		COMPLETION,
		/** Decree 56: the police forward a crime report to the investigation agency. */
		FORWARDING

	}

	/** Something the repository stores with the referral. */
	sealed interface Change {

		/** A line of the referral's history; the text is a reason or a progress note. */
		record Entry(String kind, @Nullable String text) implements Change {
		}

		record ClockStarted(Clock clock, Instant due) implements Change {
		}

		record ClocksMet(Set<Clock> clocks) implements Change {
		}

	}

	/** The parts of a referral fixed when it is drafted. */
	public record Address(CaseId caseId, ChildId child, UnitId unit, AgencyId agency, UnitId agencyUnit, Sector sector,
			SharingPurpose purpose, @Nullable String purposeNote, Set<ReferralService> services) {

		public Address {
			services = services.isEmpty() ? Set.of() : EnumSet.copyOf(services);
		}

	}

	private final ReferralId id;

	private final String code;

	private Address address;

	private Status status;

	private @Nullable Long consentId;

	private @Nullable Long basisId;

	private final @Nullable ReferralId resentFrom;

	private @Nullable Instant sentAt;

	private final int version;

	private final List<Change> changes = new ArrayList<>();

	Referral(ReferralId id, String code, Address address, Status status, @Nullable Long consentId,
			@Nullable Long basisId, @Nullable ReferralId resentFrom, @Nullable Instant sentAt, int version) {
		this.id = id;
		this.code = code;
		this.address = address;
		this.status = status;
		this.consentId = consentId;
		this.basisId = basisId;
		this.resentFrom = resentFrom;
		this.sentAt = sentAt;
		this.version = version;
	}

	/** A new draft, perhaps a declined one re-sent to another agency. */
	static Referral draft(ReferralId id, String code, Address address, @Nullable ReferralId resentFrom) {
		Referral r = new Referral(id, code, address, Status.DRAFT, null, null, resentFrom, null, 0);
		r.changes.add(new Change.Entry(resentFrom == null ? "DRAFTED" : "RESENT", null));
		return r;
	}

	/** Changes the draft's agency, services or purpose. */
	void redraft(Address changed) {
		require(EnumSet.of(Status.DRAFT));
		this.address = changed;
		changes.add(new Change.Entry("EDITED", null));
	}

	/**
	 * Sends the draft on a ground in force (a consent or a legal basis), starting its
	 * clocks.
	 */
	void send(@Nullable Long consent, @Nullable Long basis, Instant now, Map<Clock, Instant> clocks) {
		require(EnumSet.of(Status.DRAFT));
		if ((consent == null) == (basis == null)) {
			throw new IllegalArgumentException("A referral is sent on exactly one ground");
		}
		this.consentId = consent;
		this.basisId = basis;
		this.sentAt = now;
		this.status = Status.SENT;
		changes.add(new Change.Entry("SENT", null));
		clocks.forEach((clock, due) -> changes.add(new Change.ClockStarted(clock, due)));
	}

	void accept(Instant completionDue) {
		require(EnumSet.of(Status.SENT));
		this.status = Status.ACCEPTED;
		changes.add(new Change.Entry("ACCEPTED", null));
		changes.add(new Change.ClocksMet(EnumSet.of(Clock.RESPONSE)));
		changes.add(new Change.ClockStarted(Clock.COMPLETION, completionDue));
	}

	void decline(String reason) {
		require(EnumSet.of(Status.SENT));
		this.status = Status.DECLINED;
		changes.add(new Change.Entry("DECLINED", reason));
		changes.add(new Change.ClocksMet(EnumSet.allOf(Clock.class)));
	}

	void noteProgress(String text) {
		require(EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS));
		this.status = Status.IN_PROGRESS;
		changes.add(new Change.Entry("PROGRESS", text));
	}

	/** The police recorded that they forwarded the crime report: its clock is met. */
	void recordForwarding() {
		require(EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS));
		changes.add(new Change.Entry("FORWARDED", null));
		changes.add(new Change.ClocksMet(EnumSet.of(Clock.FORWARDING)));
	}

	/** The police recorded an interview of the child. */
	void recordInterview() {
		require(EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS));
		changes.add(new Change.Entry("INTERVIEWED", null));
	}

	void complete(String summary) {
		require(EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS));
		this.status = Status.COMPLETED;
		changes.add(new Change.Entry("COMPLETED", summary));
		changes.add(new Change.ClocksMet(EnumSet.allOf(Clock.class)));
	}

	void withdraw(String reason) {
		require(EnumSet.of(Status.DRAFT, Status.SENT, Status.ACCEPTED, Status.IN_PROGRESS));
		this.status = Status.WITHDRAWN;
		changes.add(new Change.Entry("WITHDRAWN", reason));
		changes.add(new Change.ClocksMet(EnumSet.allOf(Clock.class)));
	}

	/** Only a declined referral is re-sent (as a new draft to another agency). */
	void requireDeclined() {
		require(EnumSet.of(Status.DECLINED));
	}

	private void require(Set<Status> allowed) {
		if (!allowed.contains(status)) {
			throw new ReferralRuleBroken("referral.transition.refused", status);
		}
	}

	public ReferralId id() {
		return id;
	}

	public String code() {
		return code;
	}

	public Address address() {
		return address;
	}

	public Status status() {
		return status;
	}

	public @Nullable Long consentId() {
		return consentId;
	}

	public @Nullable Long basisId() {
		return basisId;
	}

	public @Nullable ReferralId resentFrom() {
		return resentFrom;
	}

	public @Nullable Instant sentAt() {
		return sentAt;
	}

	public int version() {
		return version;
	}

	List<Change> changes() {
		return List.copyOf(changes);
	}

}
