package vn.trean.statistics;

import org.springframework.stereotype.Component;

import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;

/**
 * Who may see a unit's statistics, and as which audience: refused unless the user may
 * view statistics at the unit; the figures with their traces for those who may also see
 * the unit's cases, the figures only for everyone else.
 */
@Component
public class StatisticsAccess {

	private final Authorization authorization;

	StatisticsAccess(Authorization authorization) {
		this.authorization = authorization;
	}

	public StatisticsTables.Audience audienceOf(CurrentUser user, StatisticsUnit unit) {
		ResourceScope scope = ResourceScope.at(unit.id());
		authorization.require(user, Action.VIEW_STATISTICS, scope);
		return authorization.decide(user, Action.VIEW_CASES, scope).allowed() ? StatisticsTables.Audience.CASE_WORKERS
				: StatisticsTables.Audience.FIGURES_ONLY;
	}

}
