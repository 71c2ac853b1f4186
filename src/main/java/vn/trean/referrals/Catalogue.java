package vn.trean.referrals;

import java.util.List;
import java.util.Map;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.Sector;

/** The service catalogue as it stands, with the statutory forwarding limit. */
public record Catalogue(Map<ReferralService, ServiceRule> services, DeadlineRules.Rule forwarding) {

	public ServiceRule of(ReferralService s) {
		return services.get(s);
	}

	/** The active services the sector offers, in catalogue order. */
	public List<ReferralService> offeredBy(Sector sector) {
		return services.values()
			.stream()
			.filter(r -> r.active() && r.sectors().contains(sector))
			.map(ServiceRule::service)
			.toList();
	}

	public boolean offers(Sector sector, ReferralService s) {
		ServiceRule rule = services.get(s);
		return rule != null && rule.active() && rule.sectors().contains(sector);
	}

}
