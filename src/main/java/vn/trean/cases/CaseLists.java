package vn.trean.cases;

import java.time.Clock;
import java.util.Collection;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.Page;

/**
 * The case lists, a page of {@link CaseManagement#PAGE_SIZE} rows at a time, limited to
 * the units where the user's roles let them see cases.
 */
@Service
@Transactional(readOnly = true)
public class CaseLists {

	/** The last page number a list serves; further pages are this one. */
	static final int LAST_PAGE = 10_000;

	private final CaseListQueries queries;

	private final Authorization authorization;

	private final Clock clock;

	CaseLists(CaseListQueries queries, Authorization authorization, Clock clock) {
		this.queries = queries;
		this.authorization = authorization;
		this.clock = clock;
	}

	/**
	 * Open cases assigned to the user that their roles still let them see, the nearest
	 * deadline first: an assignment narrows the list, it grants nothing.
	 */
	public Page<CaseSummary> myCases(Actor actor, int page) {
		CurrentUser user = actor.signedIn();
		int number = number(page);
		return Page.of(queries.assignedTo(user.id(), reach(user), fetch(), offset(number)), number, size());
	}

	/** Open cases in the user's jurisdiction, the nearest deadline first. */
	public Page<CaseSummary> inJurisdiction(Actor actor, int page) {
		int number = number(page);
		return Page.of(queries.openIn(reach(actor.signedIn()), fetch(), offset(number)), number, size());
	}

	/** Legal steps overdue in the user's jurisdiction, the longest overdue first. */
	public Page<OverdueStep> overdue(Actor actor, int page) {
		int number = number(page);
		return Page.of(queries.overdueIn(reach(actor.signedIn()), clock.instant(), fetch(), offset(number)), number,
				size());
	}

	private Collection<UnitId> reach(CurrentUser user) {
		authorization.requireSomewhere(user, Action.VIEW_CASES);
		return authorization.unitsInReach(user, Action.VIEW_CASES);
	}

	private static int number(int page) {
		return Math.max(0, Math.min(page, LAST_PAGE));
	}

	private static int size() {
		return CaseManagement.PAGE_SIZE;
	}

	private static int fetch() {
		return Page.fetchSize(size());
	}

	private static long offset(int number) {
		return Page.offset(number, size());
	}

}
