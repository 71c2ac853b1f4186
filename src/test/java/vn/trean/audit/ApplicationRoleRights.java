package vn.trean.audit;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;

/**
 * The audit module's grants to the application's database role, for test contexts without
 * the audit module ({@link vn.trean.ModuleTestDatabase}): the very
 * {@link ApplicationRole} the application runs after every migration, so the rights stay
 * defined in one place.
 */
public final class ApplicationRoleRights {

	private ApplicationRoleRights() {
	}

	/** Grants {@code application}'s role its rights after every migration. */
	public static Callback afterEveryMigration(DataSource application) {
		// the chain key is never read by the grants
		return new ApplicationRole(application, new AuditSettings("", List.of(), Duration.ofMinutes(15), false));
	}

}
