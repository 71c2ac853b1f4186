package vn.trean.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;

/**
 * What the module that refers cases to agencies tells the cases about their referrals, so
 * that cases guard a closing and show the case page's section without depending on it:
 * the referrals still open on a case, and those a viewer may see. Its one implementation
 * lives with the referrals; without one (a test of cases alone) nothing is open and the
 * section lists none.
 */
public interface CaseReferrals {

	/**
	 * The referrals of the case still open (sent, accepted, in progress), for the closing
	 * guard; asked in the closing's transaction with the case's row locked.
	 */
	List<OpenReferral> openOn(CaseId id);

	/** The case page's "Chuyển gửi" section for this viewer, in the order shown. */
	List<ReferralLine> listedOn(CurrentUser viewer, CaseId id);

	/**
	 * The referrals sent from these communes whose clock has run out, the longest overdue
	 * first, at most {@code limit}: the second part of "overdue in my jurisdiction".
	 */
	default List<OverdueReferral> overdueIn(Set<UnitId> units, int limit) {
		return List.of();
	}

	/**
	 * A referral's clock that ran out: the referral's page and code, its case's code, the
	 * agency, the clock and how far it was escalated as message keys, when it was due and
	 * the sending commune.
	 */
	record OverdueReferral(String link, String code, String caseCode, String agency, String clockKey, Instant dueAt,
			String escalationKey, UnitId unit) {
	}

	/**
	 * An open referral: its code, the agency it went to, and its state as a message key.
	 */
	record OpenReferral(String code, String agency, String stateKey) {
	}

	/**
	 * A line of the case page's section: the referral's page, code, agency, state and
	 * services as message keys, and when it was sent (none for a draft).
	 */
	record ReferralLine(String link, String code, String agency, String stateKey, @Nullable Instant sentAt,
			List<String> serviceKeys) {

		public ReferralLine {
			serviceKeys = List.copyOf(serviceKeys);
		}

	}

}
