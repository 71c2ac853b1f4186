package vn.trean.shared;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page shell every module renders into: Vietnamese by default, English when the user
 * follows the language switch ({@code ?lang=en}); the choice is kept in a cookie so no
 * server keeps it.
 */
@Configuration(proxyBeanMethods = false)
public class WebShell implements WebMvcConfigurer {

	/** The language every page starts in. */
	public static final Locale VIETNAMESE = new Locale("vi");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
		resolver.setDefaultLocale(VIETNAMESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSecure(false);
		resolver.setCookieHttpOnly(true);
		return resolver;
	}

	/**
	 * Static files live under /css, /js and /webjars only. The default mapping of every
	 * path ({@code /**}) made each link a page renders (Thymeleaf passes every
	 * {@code @{…}} through the resource URL provider) look for a file of that name on the
	 * classpath: most of a case list's CPU under load. Turned off with
	 * {@code spring.web.resources.add-mappings=false}. Templates name a web jar's file
	 * without the jar's version ({@code @{/webjars/htmx.org/dist/htmx.min.js}}); the link
	 * rendered carries it and a hash of the content, and is kept a year
	 * ({@link ContentVersionedFiles}).
	 */
	@Override
	public void addResourceHandlers(
			org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**")
			.addResourceLocations("classpath:/static/css/")
			.resourceChain(true)
			.addResolver(new ContentVersionedFiles());
		registry.addResourceHandler("/js/**")
			.addResourceLocations("classpath:/static/js/")
			.resourceChain(true)
			.addResolver(new ContentVersionedFiles());
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new ContentVersionedFiles())
			.addResolver(new org.springframework.web.servlet.resource.LiteWebJarsResourceResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/** Gives every page the path it was served from, for the language switch links. */
	@ControllerAdvice
	static class CurrentPath {

		@ModelAttribute("currentPath")
		String currentPath(HttpServletRequest request) {
			return request.getRequestURI().substring(request.getContextPath().length());
		}

	}

}
