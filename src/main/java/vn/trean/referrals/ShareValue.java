package vn.trean.referrals;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field's value as a referral shows it: a text as recorded, and message keys worded
 * in the reader's language (forms of harm, a setting, a sex), shown after the text.
 */
public record ShareValue(@Nullable String text, List<String> keys) {

	public ShareValue {
		keys = keys == null ? List.of() : List.copyOf(keys);
	}

	static ShareValue text(String text) {
		return new ShareValue(text, List.of());
	}

	static ShareValue keys(List<String> keys) {
		return new ShareValue(null, keys);
	}

	boolean empty() {
		return (text == null || text.isBlank()) && keys.isEmpty();
	}

}
