package vn.trean.audit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit log settings.
 *
 * @param chainKey at least 32 random bytes in Base64 under which every new entry's HMAC
 * is computed; required, the same on every instance, never stored in the database
 * @param retiredChainKeys keys used before the current one, still accepted by the
 * verifier for the entries they signed
 * @param anchorInterval how often the cluster writes an anchor (entry counts and chain
 * heads) to the log output and the anchor table
 * @param allowOwnerRole whether the application may run under a database role that can
 * change or empty the audit table (a single-role installation; never in production)
 */
@ConfigurationProperties("trean.audit")
record AuditSettings(String chainKey, @DefaultValue List<String> retiredChainKeys,
		@DefaultValue("15m") Duration anchorInterval, @DefaultValue("false") boolean allowOwnerRole) {

	/** Never the keys, wherever settings are printed. */
	@Override
	public String toString() {
		return "AuditSettings[chainKey=***, retiredChainKeys=" + retiredChainKeys.size() + ", anchorInterval="
				+ anchorInterval + ", allowOwnerRole=" + allowOwnerRole + "]";
	}

}
