package vn.trean.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Case settings.
 *
 * @param breakGlassDuration how long a provincial manager's break-glass access lasts
 * @param dueSoon how long before a deadline the assigned officer is warned
 * @param provinceAfter how long a deadline stays overdue before the provincial authority
 * is told The escalation job's interval is {@code trean.cases.escalation-interval} (60s),
 * read by its {@code @Scheduled} annotation.
 */
@ConfigurationProperties("trean.cases")
record CasesSettings(@DefaultValue("60m") Duration breakGlassDuration, @DefaultValue("24h") Duration dueSoon,
		@DefaultValue("24h") Duration provinceAfter) {
}
