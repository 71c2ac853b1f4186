package vn.trean.referrals;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;

/**
 * Whether a page shows the link to a case's grounds for sharing: to whom may handle
 * referrals where the case is. Used by the case page as
 * {@code @sharingGroundsLink.offered(me, c.unit)}; asks nothing of the database.
 */
@Component("sharingGroundsLink")
public class GroundsLink {

	private final Authorization authorization;

	GroundsLink(Authorization authorization) {
		this.authorization = authorization;
	}

	public boolean offered(@Nullable CurrentUser me, UnitId caseUnit) {
		return me != null && authorization.decide(me, Action.HANDLE_REFERRALS, ResourceScope.at(caseUnit)).allowed();
	}

}
