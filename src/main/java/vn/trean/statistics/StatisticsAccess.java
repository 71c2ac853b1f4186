package vn.trean.statistics;

import org.springframework.stereotype.Component;

import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.statistics.StatisticsTables.Audience;

/**
 * The one place that decides who sees a unit's statistics, and how: a user who may see
 * the unit's statistics and its cases sees every figure and the records behind it; one
 * who may see only its statistics sees small numbers hidden; anyone else is refused.
 */
@Component
public class StatisticsAccess {

	private final Authorization authorization;

	StatisticsAccess(Authorization authorization) {
		this.authorization = authorization;
	}

	/**
	 * The audience the user is for the unit's tables.
	 * @throws AccessRefused when the user may not see the unit's statistics
	 */
	public Audience audienceOf(CurrentUser user, StatisticsUnit unit) {
		ResourceScope scope = ResourceScope.at(unit.id());
		authorization.require(user, Action.VIEW_STATISTICS, scope);
		return authorization.decide(user, Action.VIEW_CASES, scope).allowed() ? Audience.CASE_WORKERS
				: Audience.FIGURES_ONLY;
	}

}
