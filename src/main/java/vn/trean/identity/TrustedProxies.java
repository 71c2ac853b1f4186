package vn.trean.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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

}
