package vn.trean.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.valves.RemoteIpValve;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Which peers may tell the client's address and host in forwarding headers
 * ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host}): only the proxies listed in
 * {@code trean.web.trusted-proxies} (IP addresses, none by default). Tomcat's own default
 * trusts every loopback and private address, so any client on the same network could
 * write a false address into the audit log and slip past per-address limits; from any
 * other peer the headers are ignored and the peer's own address counts.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

	private final String pattern;

	TrustedProxies(@Value("${trean.web.trusted-proxies:}") List<String> addresses) {
		this.pattern = pattern(addresses);
	}

	/**
	 * The addresses as the exact-match expression Tomcat compares the peer's address
	 * with, or {@code null} for none.
	 */
	static String pattern(List<String> addresses) {
		Set<String> forms = new LinkedHashSet<>();
		for (String address : addresses) {
			String literal = address.strip();
			if (literal.isEmpty()) {
				continue;
			}
			if (!literal.matches("[0-9A-Fa-f:.]+")) {
				throw new IllegalStateException("trean.web.trusted-proxies takes IP addresses, not: " + literal);
			}
			try {
				forms.add(literal);
				forms.add(InetAddress.getByName(literal).getHostAddress());
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("trean.web.trusted-proxies takes IP addresses, not: " + literal, ex);
			}
		}
		return forms.isEmpty() ? null : forms.stream().map(Pattern::quote).collect(Collectors.joining("|"));
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).forEach(valve -> {
			((RemoteIpValve) valve).setInternalProxies(pattern);
			((RemoteIpValve) valve).setTrustedProxies(null);
		});
	}

	/** After Boot's own customizer, which adds the valve with Tomcat's defaults. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Says once in the log when forwarding headers arrive from a peer that is no trusted
	 * proxy: behind a proxy left out of the setting, every client would share the proxy's
	 * address, and one stranger's failed sign-ins would slow everyone down.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> untrustedForwardingWarning() {
		AtomicBoolean warned = new AtomicBoolean();
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				// the valve removes the header when it believes it; it stays when it does
				// not
				if (request.getHeader("X-Forwarded-For") != null && !warned.getAndSet(true)) {
					log.warn("X-Forwarded-For came from {}, which is not in trean.web.trusted-proxies: if a proxy "
							+ "or load balancer stands in front, list its address, or all its clients share one "
							+ "address for the sign-in delay and the public limits", request.getRemoteAddr());
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
