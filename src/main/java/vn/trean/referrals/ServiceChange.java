package vn.trean.referrals;

import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import vn.trean.cases.DeadlineRules;
import vn.trean.directory.Sector;

/**
 * A service of the catalogue as an administrator submits it: its purpose, the sectors
 * that offer it, its two limits and whether it is offered at all. The service itself is
 * named beside it. An unticked "active" box sends nothing: not offered.
 */
public record ServiceChange(@NotNull SharingPurpose purpose,
		@NotEmpty(message = "referral.settings.sectors-required") Set<Sector> sectors,
		@NotNull @Min(value = 1,
				message = "validation.range") @Max(value = 366, message = "validation.range") Integer responseAmount,
		@NotNull DeadlineRules.Unit responseUnit,
		@NotNull @Min(value = 1, message = "validation.range") @Max(value = 366,
				message = "validation.range") Integer completionAmount,
		@NotNull DeadlineRules.Unit completionUnit, @Nullable Boolean active) {

	/** Whether agencies may be asked for the service. */
	public boolean offered() {
		return Boolean.TRUE.equals(active);
	}

	/** The limit to answer in, as typed. */
	DeadlineRules.Rule response() {
		return new DeadlineRules.Rule(responseAmount, responseUnit, false);
	}

	/** The limit to complete in from acceptance, as typed. */
	DeadlineRules.Rule completion() {
		return new DeadlineRules.Rule(completionAmount, completionUnit, false);
	}

}
