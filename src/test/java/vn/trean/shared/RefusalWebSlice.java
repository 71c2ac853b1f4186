package vn.trean.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;

/**
 * The web slice the refusal tests share (one cached context): Spring MVC with the two
 * refusal advices, the message bundles and the tests' own refusing controllers, and no
 * other bean of the application. The security filters stay out: what is tested is what
 * happens once a handler refuses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(useDefaultFilters = false)
@AutoConfigureMockMvc(addFilters = false)
@Import({ Refusals.class, ApiProblems.class, PageMessages.class, RefusalsWebTests.RefusingPages.class,
		ApiProblemsWebTests.RefusingApi.class })
@interface RefusalWebSlice {

}
