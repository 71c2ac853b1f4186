package vn.trean.identity;

/** What an API token may be used for; a token carries a set of these. */
public enum ApiPermission {

	/** Read administrative units. */
	GEOGRAPHY_READ,
	/** Submit reports of abuse through the intake API. */
	INTAKE,
	/** Scrape Prometheus metrics. */
	METRICS_READ,
	/**
	 * Answer the referrals sent to the token's own agency: list and read its share,
	 * accept or decline, report progress and the outcome.
	 */
	REFERRALS,
	/**
	 * Read the statistics tables of the units within the token's agency's unit, with
	 * small numbers suppressed.
	 */
	STATISTICS;

	public String authority() {
		return "PERMISSION_" + name();
	}

}
