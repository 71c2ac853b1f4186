package vn.trean.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake settings.
 *
 * @param publicFormLimit how many public-form reports one client address may send per
 * window
 * @param publicFormWindow the window of that limit, and of the status look-ups' limit
 * @param statusLookupLimit how many status look-ups by reference code one client address
 * may make per window (the codes are hard to guess; the limit makes guessing slower
 * still)
 * @param maxChildren how many children one report may name
 * @param matchLookupLimit how many lookups of matching children one user may make per
 * window
 * @param matchLookupWindow the window of that limit
 */
@ConfigurationProperties("trean.intake")
record IntakeSettings(@DefaultValue("5") int publicFormLimit, @DefaultValue("10m") Duration publicFormWindow,
		@DefaultValue("30") int statusLookupLimit, @DefaultValue("10") int maxChildren,
		@DefaultValue("60") int matchLookupLimit, @DefaultValue("10m") Duration matchLookupWindow) {
}
