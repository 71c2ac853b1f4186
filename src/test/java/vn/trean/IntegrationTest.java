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
// the tests' client plays the proxy on 127.0.0.1 (TestUserAgent.forwardedFor); ::1 stays
// untrusted
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "trean.web.trusted-proxies=127.0.0.1")
@Import({ TestDatabase.class, TestAccounts.class, TestUnits.class, TestClock.Configuration.class,
		vn.trean.cases.TestCases.class, vn.trean.cases.TestCommune.class })
@ActiveProfiles("demo")
public @interface IntegrationTest {

}
