package vn.trean.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gives the database role the application runs as (the primary data source) exactly the
 * rights it needs, after every migration, as the owner role that ran the migrations: read
 * and write on the ordinary tables, but only read and insert on the audit log and its
 * anchors, only read on the chain's form and the migration history, never TRUNCATE, and
 * no creating objects in the schema. Not being the owner, the application role cannot
 * alter the tables or disable their triggers. Granting after every migration covers
 * tables later migrations create and a change of the application role, without default
 * privileges to reason about.
 *
 * <p>
 * It then refuses to start when the application role may still change or empty the audit
 * log (the owner itself, a superuser, or granted more elsewhere), unless
 * {@code trean.audit.allow-owner-role} says this is a single-role installation.
 */
@Component
class ApplicationRole implements Callback {

	private static final Logger LOG = LoggerFactory.getLogger(ApplicationRole.class);

	private static final String[] APPEND_ONLY = { "audit_entry", "audit_anchor" };

	private static final String[] READ_ONLY = { "audit_chain_form" };

	private final DataSource application;

	private final AuditSettings settings;

	ApplicationRole(DataSource application, AuditSettings settings) {
		this.application = application;
		this.settings = settings;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public String getCallbackName() {
		return "application role rights";
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			String role = applicationRole();
			Connection owner = context.getConnection();
			if (!role.equals(single(owner, "SELECT current_user"))) {
				grant(owner, role, context.getConfiguration().getTable());
			}
			if (mayRewriteTheAuditLog()) {
				String problem = "The application's database role '" + role
						+ "' may change or empty the audit log (it owns the tables or is granted UPDATE, DELETE"
						+ " or TRUNCATE on audit_entry): run the migrations as the owner (SPRING_FLYWAY_USER,"
						+ " SPRING_FLYWAY_PASSWORD) and the application as a role of its own";
				if (!settings.allowOwnerRole()) {
					throw new IllegalStateException(problem + ", or set TREAN_AUDIT_ALLOW_OWNER_ROLE=true");
				}
				LOG.warn("{} (allowed by trean.audit.allow-owner-role)", problem);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set the rights of the application's database role", ex);
		}
	}

	private void grant(Connection owner, String role, String historyTable) throws SQLException {
		String grantee = quote(role);
		String schema = quote(single(owner, "SELECT current_schema()"));
		try (Statement st = owner.createStatement()) {
			// no objects of its own beside the owner's (PostgreSQL 14 lets everyone
			// create in public)
			st.execute("REVOKE CREATE ON SCHEMA " + schema + " FROM PUBLIC, " + grantee);
			st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + grantee);
			st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + grantee);
			st.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + grantee);
			for (String table : APPEND_ONLY) {
				st.execute("REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " + schema + "." + table + " FROM "
						+ grantee);
			}
			for (String table : READ_ONLY) {
				st.execute("REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " + schema + "." + table
						+ " FROM " + grantee);
			}
			st.execute("REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " + schema + "."
					+ quote(historyTable) + " FROM " + grantee);
		}
		LOG.info("Database role {}: reads and writes the tables, only reads and appends to the audit log", role);
	}

	/** Whether a table exists yet (a migration to an earlier target). */
	private static boolean exists(Connection owner, String table) throws SQLException {
		try (var st = owner.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			st.setString(1, table);
			try (ResultSet rs = st.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private boolean mayRewriteTheAuditLog() throws SQLException {
		try (Connection connection = application.getConnection();
				Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery(
						"""
								SELECT has_table_privilege('audit_entry', 'UPDATE') OR has_table_privilege('audit_entry', 'DELETE')
								  OR has_table_privilege('audit_entry', 'TRUNCATE')
								  OR pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'audit_entry'::regclass), 'MEMBER')""")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	private String applicationRole() throws SQLException {
		try (Connection connection = application.getConnection()) {
			return single(connection, "SELECT current_user");
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
