package vn.trean.referrals;

import java.util.UUID;

/** A referral's stable identity. */
public record ReferralId(UUID value) implements java.io.Serializable {

	public ReferralId {
		java.util.Objects.requireNonNull(value, "value");
	}

	/** The id as an address names it; a text that is no id names no referral (404). */
	public static ReferralId valueOf(String text) {
		try {
			return new ReferralId(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownReferral(text);
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
