package vn.trean;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against the embedded PostgreSQL, with the demo
 * data. Every integration test uses exactly this configuration so Spring caches one
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestDatabase.class, TestAccounts.class, TestClock.Configuration.class, vn.trean.cases.TestCases.class })
@ActiveProfiles("demo")
public @interface IntegrationTest {

}
