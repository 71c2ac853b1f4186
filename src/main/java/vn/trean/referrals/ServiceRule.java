package vn.trean.referrals;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.Sector;

/**
 * One service of the catalogue as an administrator set it: the purpose a referral for it
 * is made for, the sectors whose agencies offer it, the time an agency has to accept or
 * decline it and, from acceptance, to complete it.
 */
public record ServiceRule(ReferralService service, SharingPurpose purpose, Set<Sector> sectors,
		DeadlineRules.Rule response, DeadlineRules.Rule completion, boolean active) {

	public ServiceRule {
		sectors = Collections
			.unmodifiableSet(sectors.isEmpty() ? EnumSet.noneOf(Sector.class) : EnumSet.copyOf(sectors));
	}

}
