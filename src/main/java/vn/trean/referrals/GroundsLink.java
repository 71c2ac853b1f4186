package vn.trean.referrals;

import org.springframework.stereotype.Component;

import vn.trean.cases.CaseId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;

/**
 * Whether a page shows the link to a case's grounds for sharing: to whom may handle the
 * case's referrals. Used by the case page as {@code @sharingGroundsLink.offered(me, id)}.
 */
@Component("sharingGroundsLink")
public class GroundsLink {

	private final SharingGrounds grounds;

	GroundsLink(SharingGrounds grounds) {
		this.grounds = grounds;
	}

	public boolean offered(CurrentUser me, CaseId id) {
		return me != null && grounds.offered(Actor.of(me, ""), id);
	}

}
