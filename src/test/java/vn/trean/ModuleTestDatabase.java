package vn.trean;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import vn.trean.audit.ApplicationRoleRights;

/**
 * The tests' database for a module test ({@link ModuleTest}): {@link TestDatabase}, and
 * the application role's rights granted after the migrations even when the audit module,
 * which grants them in the application, is not part of the context. Lives outside every
 * module so Spring Modulith keeps its beans in every module's context.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestDatabase.class)
public class ModuleTestDatabase {

	@Bean
	Callback applicationRoleRights(DataSource dataSource) {
		return ApplicationRoleRights.afterEveryMigration(dataSource);
	}

}
