package vn.trean;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every Spring Modulith module test ({@code @ApplicationModuleTest}) adds: the
 * tests' database with the application role's rights, and the demo profile's keys. Each
 * module test has a context of its own, closed after its class so its connection pool
 * does not stay open beside the integration tests' for the rest of the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(ModuleTestDatabase.class)
@ActiveProfiles("demo")
@DirtiesContext
public @interface ModuleTest {

}
