package vn.trean.plans;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import vn.trean.shared.AgencyId;

/**
 * What the plan page shows: objectives with their indicators and each indicator's city
 * target for the plan's last year, and the activities with their agencies' names.
 */
record PlanPage(Plan plan, String provinceName, List<Objective> objectives, List<Indicator> indicators,
		Map<Long, BigDecimal> cityTargets, List<Activity> activities, Map<AgencyId, String> agencyNames,
		boolean mayManage) {

	public List<Indicator> indicatorsOf(Objective objective) {
		return indicators.stream().filter(i -> i.objectiveId() == objective.id()).toList();
	}

	public BigDecimal cityTarget(Indicator indicator) {
		return cityTargets.get(indicator.id());
	}

	public String agencyName(AgencyId id) {
		return id == null ? null : agencyNames.getOrDefault(id, id.toString());
	}

}
