package vn.trean.referrals;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trean.cases.CaseId;
import vn.trean.directory.Sector;

/**
 * What every reader of a referral sees, whatever their share: no personal data of the
 * child, only the referral's own facts (code, state, services, who sent it to whom, its
 * dates and clocks, the agency's notes and the reasons given).
 */
public record Envelope(ReferralId id, String code, CaseId caseId, String caseCode, Referral.Status status,
		Set<ReferralService> services, SharingPurpose purpose, @Nullable String purposeNote, String sendingUnit,
		String agency, Sector sector, Instant createdAt, @Nullable Instant sentAt, @Nullable Instant answeredAt,
		@Nullable Instant completedAt, @Nullable Instant withdrawnAt, @Nullable Instant nextDueAt,
		@Nullable String nextDueClock, int version, List<HistoryLine> history) {

	/** A line of the referral's history; the text is a reason or a progress note. */
	public record HistoryLine(Instant at, String kind, String actor, @Nullable String text) {

		public String key() {
			return "referral.history." + kind;
		}

	}

}
