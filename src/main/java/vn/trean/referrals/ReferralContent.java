package vn.trean.referrals;

import java.util.EnumMap;
import java.util.Map;

/**
 * Everything a referral may show, field by field, composed when it is drafted and frozen
 * when it is sent. Only {@link ReferralShare} (which applies the receiving sector's set),
 * {@link ReferralDrafts} (which composes it) and {@link ReferralRepository} (which stores
 * it) touch it.
 */
record ReferralContent(Map<ShareField, ShareValue> values) {

	/** The version of the stored document's shape. */
	static final int SCHEMA = 1;

	ReferralContent {
		EnumMap<ShareField, ShareValue> copy = new EnumMap<>(ShareField.class);
		values.forEach((field, value) -> {
			if (value != null && !value.empty()) {
				copy.put(field, value);
			}
		});
		values = copy;
	}

	ShareValue get(ShareField field) {
		return values.get(field);
	}

}
