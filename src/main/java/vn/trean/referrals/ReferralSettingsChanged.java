package vn.trean.referrals;

import java.time.Instant;

/**
 * An administrator changed a service of the catalogue or a sector's field set; the
 * settings read from the next use on already reflect it.
 *
 * @param code the service's or the sector's name
 */
public record ReferralSettingsChanged(What what, String code, Instant occurredAt) {

	/** What was changed. */
	public enum What {

		SERVICE, FIELD_SET

	}

}
