package vn.trean.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a work queue: which step waits ({@code stepKey}, a message key such as
 * {@code work.step.emergency-decision}), on which record ({@code reference}: a case or
 * report code), about which child as far as the viewer may see ({@code child}, null when
 * they may not or none is named), since when, the legal clock if one runs
 * ({@code dueAt}), and the address of the page that acts on it.
 */
public record WorkItem(String stepKey, String reference, @Nullable String child, Instant since, @Nullable Instant dueAt,
		String link) {

	/** True when the item's clock has run out at {@code now}. */
	public boolean overdueAt(Instant now) {
		return dueAt != null && dueAt.isBefore(now);
	}

}
