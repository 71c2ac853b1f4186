package vn.trean;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What the module boundaries ({@link ModularityTests}) don't check: the domain (the
 * aggregates, value objects, policies, events and exceptions, none of them a Spring bean)
 * knows neither the web nor SQL, application services don't know the web, controllers are
 * package-private, and time comes from the injected clock.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("vn.trean");

	private static final String[] WEB = { "jakarta.servlet..", "org.springframework.web.." };

	private static final String[] SQL = { "java.sql..", "javax.sql..", "org.springframework.jdbc.." };

	/**
	 * Part of the web edge though not beans: the bare answers of the servlet filters that
	 * refuse a request before Spring MVC runs, the page steps the register controllers
	 * share, and the resolver of the static files' versioned names.
	 */
	private static final Set<String> WEB_EDGE_HELPERS = Set.of("vn.trean.shared.BareAnswer",
			"vn.trean.registers.RegisterPages", "vn.trean.shared.ContentVersionedFiles");

	@Test
	void domainTypesNeverDependOnWebTypes() {
		noClasses().that(domainTypes())
			.and(notIn(WEB_EDGE_HELPERS))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(WEB)
			.check(MAIN);
	}

	/**
	 * A refusal is a kind ({@code shared.InvalidInput}, {@code RuleBroken},
	 * {@code ChangedMeanwhile}, {@code UnknownRecord}) the web advices answer; no
	 * exception, nested in a bean or not, picks its HTTP status itself.
	 */
	@Test
	void noExceptionNamesItsHttpStatus() {
		noClasses().that()
			.areAssignableTo(Throwable.class)
			.should()
			.beAnnotatedWith(org.springframework.web.bind.annotation.ResponseStatus.class)
			.check(MAIN);
	}

	@Test
	void domainTypesNeverDependOnSqlTypes() {
		noClasses().that(domainTypes()).should().dependOnClassesThat().resideInAnyPackage(SQL).check(MAIN);
	}

	@Test
	void applicationServicesNeverDependOnWebTypes() {
		noClasses().that(within(Service.class)).should().dependOnClassesThat().resideInAnyPackage(WEB).check(MAIN);
	}

	@Test
	void controllersArePackagePrivate() {
		classes().that()
			.areMetaAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(Controller.class)
			.should()
			.notBePublic()
			.check(MAIN);
	}

	@Test
	void timeComesFromTheInjectedClock() {
		noClasses().should()
			.callMethodWhere(DescribedPredicate.describe("the system clock's now()",
					call -> call.getTarget().getName().equals("now") && call.getTarget().getParameterTypes().isEmpty()
							&& call.getTargetOwner().getPackageName().equals("java.time")))
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.check(MAIN);
	}

	@Test
	void namesSayWhatAClassIs() {
		noClasses().should()
			.haveSimpleNameEndingWith("Manager")
			.orShould()
			.haveSimpleNameEndingWith("Helper")
			.orShould()
			.haveSimpleNameEndingWith("Util")
			.orShould()
			.haveSimpleNameEndingWith("Utils")
			.orShould()
			.resideInAnyPackage("..util..", "..helpers..", "..common..", "..misc..")
			.check(MAIN);
	}

	/**
	 * The domain: classes that are not Spring beans, nor part of one (nested or
	 * anonymous), nor servlet filters, MVC interceptors or argument resolvers.
	 */
	private static DescribedPredicate<JavaClass> domainTypes() {
		return DescribedPredicate.describe("are domain types (no bean, filter, interceptor or resolver)",
				type -> !isBean(outermost(type)) && !isBaseOfBeans(type) && !type.isAssignableTo(Filter.class)
						&& !type.isAssignableTo(HandlerInterceptor.class)
						&& !type.isAssignableTo(HandlerMethodArgumentResolver.class));
	}

	private static DescribedPredicate<JavaClass> within(Class<? extends java.lang.annotation.Annotation> stereotype) {
		return DescribedPredicate.describe("are part of a @" + stereotype.getSimpleName(), type -> {
			JavaClass outer = outermost(type);
			return outer.isAnnotatedWith(stereotype) || outer.isMetaAnnotatedWith(stereotype);
		});
	}

	private static DescribedPredicate<JavaClass> notIn(Set<String> names) {
		return DescribedPredicate.describe("are not " + names, type -> !names.contains(outermost(type).getName()));
	}

	/**
	 * An abstract class the beans of a layer extend (the register controllers' pages).
	 */
	private static boolean isBaseOfBeans(JavaClass type) {
		return type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)
				&& !type.getSubclasses().isEmpty() && type.getSubclasses().stream().allMatch(ArchitectureTests::isBean);
	}

	private static boolean isBean(JavaClass type) {
		return type.isAnnotatedWith(Component.class) || type.isMetaAnnotatedWith(Component.class);
	}

	private static JavaClass outermost(JavaClass type) {
		JavaClass outer = type;
		while (outer.getEnclosingClass().isPresent()) {
			outer = outer.getEnclosingClass().get();
		}
		return outer;
	}

}
