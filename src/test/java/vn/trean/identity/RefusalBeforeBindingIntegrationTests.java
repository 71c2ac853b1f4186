package vn.trean.identity;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUserAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that changes state is refused before its parameters are bound, so that a
 * value that cannot be converted never renders a page to someone the handler refuses.
 */
@IntegrationTest
class RefusalBeforeBindingIntegrationTests {

	/** The handlers that need no permission, each for the reason its annotation gives. */
	private static final Set<String> OPEN = Set.of("/account/password", "/account/second-factor/enrol",
			"/login/second-factor", "/report", "/api/v1/reports", "/notifications/read",
			"/api/v1/referrals/{id}/acceptance", "/api/v1/referrals/{id}/declination", "/api/v1/referrals/{id}/notes",
			"/api/v1/referrals/{id}/outcome");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void anUnconvertibleDeadlineSettingFromAHotlineOperatorIsRefusedWithoutTheSettings() {
		TestUserAgent operator = signedIn(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		assertThat(operator.get("/cases/settings").status()).isEqualTo(403);

		var answer = operator.post("/cases/settings",
				Map.of("step", "VERIFICATION", "amount", "mười", "unit", "WORKING_DAYS"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(Jsoup.parse(answer.body()).select("table, input[name=amount], select[name=unit]")).isEmpty();
	}

	@Test
	void everyHandlerThatChangesStateSaysWhatItRequires() {
		List<String> unmarked = new ArrayList<>();
		Set<String> open = new TreeSet<>();
		stateChanging().forEach((info, method) -> {
			Requires requires = method.getMethodAnnotation(Requires.class);
			if (requires == null) {
				unmarked.add(method.toString());
			}
			else if (requires.value().length == 0) {
				open.addAll(info.getPatternValues());
			}
		});
		assertThat(unmarked).isEmpty();
		assertThat(open).containsExactlyInAnyOrderElementsOf(OPEN);
	}

	@Test
	void everyPostWithUnconvertibleValuesFromAStatisticianIsRefusedBeforeBinding() {
		TestUserAgent statistician = signedIn(testAccounts.create(Role.STATISTICIAN, "92"));
		Set<Role> roles = EnumSet.of(Role.STATISTICIAN);
		List<String> wrong = new ArrayList<>();
		stateChanging().forEach((info, method) -> {
			Requires requires = method.getMethodAnnotation(Requires.class);
			if (requires == null || requires.value().length == 0) {
				return;
			}
			boolean granted = List.of(requires.value())
				.stream()
				.anyMatch(action -> RolePermissions.widestReach(roles, action).isPresent());
			for (String pattern : info.getPatternValues()) {
				String path = withPathVariables(pattern, method);
				statistician.get("/");
				var answer = statistician.post(path, garbage(method));
				// a handler the role may reach answers its own refusal (a re-rendered
				// form
				// included), never a server error; any other is refused before binding
				boolean right = granted ? answer.status() >= 400 && answer.status() < 500 : answer.status() == 403;
				if (!right) {
					wrong.add(path + " -> " + answer.status());
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	/** Every handler of a request other than GET, HEAD or OPTIONS, by its mapping. */
	private Map<RequestMappingInfo, HandlerMethod> stateChanging() {
		Map<RequestMappingInfo, HandlerMethod> found = new LinkedHashMap<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (method.getBeanType().getPackageName().startsWith("vn.trean") && (methods.isEmpty() || methods.stream()
				.anyMatch(
						m -> !EnumSet.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS).contains(m)))) {
				found.put(info, method);
			}
		});
		assertThat(found).hasSizeGreaterThan(50);
		return found;
	}

	/**
	 * The path with a value each path variable converts from (so that only the form's
	 * values are wrong).
	 */
	private static String withPathVariables(String pattern, HandlerMethod method) {
		String path = pattern;
		for (MethodParameter parameter : method.getMethodParameters()) {
			PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
			if (variable == null) {
				continue;
			}
			String name = !variable.name().isEmpty() ? variable.name()
					: !variable.value().isEmpty() ? variable.value() : parameter.getParameterName();
			Class<?> type = parameter.getParameterType();
			String value = type == UUID.class ? UUID.randomUUID().toString()
					: type == LocalDate.class ? "2026-01-05"
							: type == long.class || type == Long.class || type == int.class || type == Integer.class
									? "1" : "x";
			path = path.replace("{" + name + "}", value);
		}
		// a variable the mapping limits to literal choices ({register:rooms|events})
		// takes
		// its first choice, so the request reaches the handler; any other, an unreadable
		// x
		path = java.util.regex.Pattern.compile("\\{[^}:]+:([A-Za-z0-9-]+)[^}]*}")
			.matcher(path)
			.replaceAll(m -> m.group(1));
		return path.replaceAll("\\{[^}]+}", "x");
	}

	/**
	 * A value no field of the handler can take, for each of its parameters and form
	 * fields.
	 */
	private static Map<String, String> garbage(HandlerMethod method) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name()
						: !param.value().isEmpty() ? param.value() : parameter.getParameterName();
				fields.put(name, "~x~");
			}
			else if (parameter.getParameterType().isRecord()) {
				for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
					fields.put(component.getName(), "~x~");
				}
			}
		}
		fields.putIfAbsent("version", "~x~");
		return fields;
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		var done = agent.signIn(username);
		assertThat(done.location()).as("sign-in of %s", username).endsWith("/");
		agent.get("/");
		return agent;
	}

}
