package vn.trean.statistics;

import org.springframework.stereotype.Component;

import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;

/**
 * Who may see a unit's statistics, and as which audience: {@link Action#VIEW_STATISTICS}
 * at the unit to see its figures (else refused through {@link Authorization}); every
 * figure with its trace to those who also hold {@link Action#VIEW_CASES} there, small
 * numbers suppressed for everyone else.
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
