package vn.trean.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake settings.
 *
 * @param publicBaseUrl the address put into notification e-mails (a link, never details)
 * @param mailFrom the sender of notification e-mails
 * @param publicFormLimit how many public-form reports one client address may send per
 * window
 * @param publicFormWindow the window of that limit
 * @param maxChildren how many children one report may name
 */
@ConfigurationProperties("trean.intake")
record IntakeSettings(@DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("tre-an@localhost") String mailFrom, @DefaultValue("5") int publicFormLimit,
		@DefaultValue("10m") Duration publicFormWindow, @DefaultValue("10") int maxChildren) {
}
