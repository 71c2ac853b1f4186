package vn.trean.cases;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.Time;

/**
 * A case's referrals as the cases see them, through {@link CaseReferrals} when a module
 * implements it (none: nothing open, nothing listed), and who may refer the case now: a
 * user allowed to hand cases to agencies where the case is, while the case is assessed
 * and not yet closed (from the initial assessment to the review; not while verifying or
 * being transferred).
 */
@Component
class ReferralsOnCase {

	private final ObjectProvider<CaseReferrals> referrals;

	private final Authorization authorization;

	ReferralsOnCase(ObjectProvider<CaseReferrals> referrals, Authorization authorization) {
		this.referrals = referrals;
		this.authorization = authorization;
	}

	/**
	 * The case page's section: the referrals the viewer may see, and whether to offer a
	 * new one.
	 */
	record Section(List<CaseReferrals.ReferralLine> lines, boolean offersNew) {

		/** The day a referral was sent in Viet Nam, none for one not sent. */
		public @Nullable LocalDate sentOn(CaseReferrals.ReferralLine line) {
			return line.sentAt() == null ? null : LocalDate.ofInstant(line.sentAt(), Time.ZONE);
		}

	}

	/** The referrals of the case still open. */
	List<CaseReferrals.OpenReferral> open(CaseId id) {
		CaseReferrals source = referrals.getIfAvailable();
		return source == null ? List.of() : source.openOn(id);
	}

	Section section(CurrentUser viewer, ProtectionCase c) {
		CaseReferrals source = referrals.getIfAvailable();
		return new Section(source == null ? List.of() : source.listedOn(viewer, c.id()), mayRefer(viewer, c));
	}

	/** The referrals sent from the communes in the viewer's reach whose clock ran out. */
	List<CaseReferrals.OverdueReferral> overdue(CurrentUser viewer) {
		CaseReferrals source = referrals.getIfAvailable();
		return source == null ? List.of()
				: source.overdueIn(authorization.unitsInReach(viewer, Action.VIEW_CASES), CaseManagement.PAGE_SIZE);
	}

	/** Whether the user may send a new referral from the case now. */
	boolean mayRefer(CurrentUser viewer, ProtectionCase c) {
		return c.status().assessed()
				&& authorization.decide(viewer, Action.HANDLE_REFERRALS, ResourceScope.at(c.unit())).allowed();
	}

}
