package vn.trean.referrals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.Sector;

/**
 * The service catalogue in force: each service's rule, in the catalogue's order, and the
 * clock of a crime report's forwarding, which the law fixes (24 hours, Decree 56).
 */
public record Catalogue(Map<ReferralService, ServiceRule> services, DeadlineRules.Rule forwarding) {

	public Catalogue {
		services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
	}

	/** The rule of a service; every service of the enum has one in the tables. */
	public ServiceRule of(ReferralService s) {
		ServiceRule rule = services.get(s);
		if (rule == null) {
			throw new IllegalArgumentException("No rule for the service " + s);
		}
		return rule;
	}

	/** The active services agencies of the sector offer, in catalogue order. */
	public List<ReferralService> offeredBy(Sector sector) {
		return services.values()
			.stream()
			.filter(rule -> rule.active() && rule.sectors().contains(sector))
			.map(ServiceRule::service)
			.toList();
	}

	/** Whether an agency of the sector may be asked for the service now. */
	public boolean offers(Sector sector, ReferralService s) {
		ServiceRule rule = services.get(s);
		return rule != null && rule.active() && rule.sectors().contains(sector);
	}

}
