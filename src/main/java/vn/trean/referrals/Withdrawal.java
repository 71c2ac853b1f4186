package vn.trean.referrals;

import org.jspecify.annotations.Nullable;

/** The withdrawal of a consent: who withdrew it and the officer's note of it. */
public record Withdrawal(@Nullable By by, @Nullable String note) {

	/** Who withdrew: the child or the parent or guardian. */
	public enum By {

		CHILD, CARER

	}

}
