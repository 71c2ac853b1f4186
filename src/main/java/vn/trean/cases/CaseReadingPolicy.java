package vn.trean.cases;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;

/**
 * Who may read a case in scope, and so the children it names (a named policy): those who
 * may view cases where it is, or where it is being transferred to. The case page and the
 * case lists both ask it; break-glass is the case page's only exception.
 */
final class CaseReadingPolicy {

	private CaseReadingPolicy() {
	}

	static boolean inScope(Authorization authorization, CurrentUser user, UnitId unit, @Nullable UnitId transferTo) {
		return authorization.decide(user, Action.VIEW_CASES, ResourceScope.at(unit)).allowed() || (transferTo != null
				&& authorization.decide(user, Action.VIEW_CASES, ResourceScope.at(transferTo)).allowed());
	}

}
