package vn.trean.referrals;

import java.util.Set;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.Sector;

/** A service of the catalogue: its purpose, the sectors offering it and its limits. */
public record ServiceRule(ReferralService service, SharingPurpose purpose, Set<Sector> sectors,
		DeadlineRules.Rule response, DeadlineRules.Rule completion, boolean active) {
}
