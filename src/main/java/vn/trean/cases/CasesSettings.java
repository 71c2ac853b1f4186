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
 * is told
 * @param escalationInterval how often the escalation job looks at the clocks
 */
@ConfigurationProperties("trean.cases")
record CasesSettings(@DefaultValue("60m") Duration breakGlassDuration, @DefaultValue("24h") Duration dueSoon,
		@DefaultValue("24h") Duration provinceAfter, @DefaultValue("60s") Duration escalationInterval) {
}
