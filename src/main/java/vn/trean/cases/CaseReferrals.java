package vn.trean.cases;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

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
