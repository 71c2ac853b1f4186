package vn.trean;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.ApiPermission;
import vn.trean.identity.ApiTokens;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API for other systems: bearer tokens scoped by permission, problem details on
 * refusal, an audit entry for every use; the API documentation for administrators only;
 * the operations endpoints.
 */
@IntegrationTest
class ApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Accounts accounts;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	private CurrentUser admin;

	private AgencyId demoAgency;

	@BeforeEach
	void cityAdministratorAndDemoAgency() {
		admin = currentUser(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		demoAgency = new AgencyId(jdbc.sql("SELECT id FROM agency WHERE name LIKE '[DEMO]%' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single());
	}

	@Test
	void unitByCodeNamesTheUnitThatHeldTheCodeOnTheDate() {
		String token = issue(ApiPermission.GEOGRAPHY_READ);

		var before = api("/api/v1/units/by-code/31120?date=2025-06-30", token);
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(JsonPath.<String>read(before.body(), "$.fullName")).isEqualTo("Phường An Hòa");
		assertThat(JsonPath.<String>read(before.body(), "$.validTo")).isEqualTo("2025-06-30");

		var today = api("/api/v1/units/by-code/31120", token);
		assertThat(today.status()).isEqualTo(200);
		assertThat(JsonPath.<String>read(today.body(), "$.fullName")).isEqualTo("Phường Cái Khế");
		assertThat(JsonPath.<Integer>read(today.body(), "$.id"))
			.isNotEqualTo(JsonPath.<Integer>read(before.body(), "$.id"));
	}

	@Test
	void successorsOfASplitWardAreFlaggedForReview() {
		String token = issue(ApiPermission.GEOGRAPHY_READ);
		var old = api("/api/v1/units/by-code/31178?date=2025-06-30", token);
		assertThat(old.status()).isEqualTo(200);
		assertThat(JsonPath.<String>read(old.body(), "$.fullName")).isEqualTo("Phường Bùi Hữu Nghĩa");
		int id = JsonPath.read(old.body(), "$.id");

		var successors = api("/api/v1/units/" + id + "/successors", token);

		assertThat(successors.status()).isEqualTo(200);
		assertThat(JsonPath.<Boolean>read(successors.body(), "$.needsReview")).isTrue();
		List<String> names = JsonPath.read(successors.body(), "$.successors[*].unit.fullName");
		assertThat(names).containsExactlyInAnyOrder("Phường Cái Khế", "Phường Bình Thủy");
		List<String> kinds = JsonPath.read(successors.body(), "$.successors[*].kind");
		assertThat(kinds).containsOnly("PARTIAL");
	}

	@Test
	void requestWithoutTokenIsUnauthorizedWithProblemDetails() {
		var response = new TestUserAgent(port).get("/api/v1/units/by-code/31120");

		assertThat(response.status()).isEqualTo(401);
		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void theUnauthorizedProblemIsTranslatedAndNamesTheRequest() {
		var response = new TestUserAgent(port).get("/api/v1/units/by-code/31120", Map.of("Accept-Language", "en"));

		assertThat(response.status()).isEqualTo(401);
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Missing or invalid API token");
		assertThat(JsonPath.<String>read(response.body(), "$.instance")).isEqualTo("/api/v1/units/by-code/31120");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void theForbiddenProblemIsTranslated() {
		var response = new TestUserAgent(port).get("/api/v1/units/by-code/31120",
				Map.of("Authorization", "Bearer " + issue(ApiPermission.INTAKE)));

		assertThat(response.status()).isEqualTo(403);
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Khóa API không có quyền này");
	}

	@Test
	void aMalformedUnitIdIsABadRequestProblemNamingTheId() {
		String token = issue(ApiPermission.GEOGRAPHY_READ);

		for (String path : List.of("/api/v1/units/abc/children", "/api/v1/units/1.5/successors")) {
			var response = api(path, token);

			assertThat(response.status()).as(path).isEqualTo(400);
			assertProblem(response, 400);
			assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).containsExactly("id");
		}
	}

	@Test
	void tokenWithoutGeographyPermissionIsForbiddenWithProblemDetails() {
		String token = issue(ApiPermission.INTAKE);

		var response = api("/api/v1/units/by-code/31120", token);

		assertThat(response.status()).isEqualTo(403);
		assertProblem(response, 403);
		assertThat(response.body()).doesNotContain("Cái Khế");
	}

	@Test
	void revokedTokenIsUnauthorized() {
		var issued = tokens.issue(Actor.of(admin, "127.0.0.1"), "Kiểm thử thu hồi", demoAgency,
				Set.of(ApiPermission.GEOGRAPHY_READ));
		assertThat(api("/api/v1/units/by-code/31120", issued.token()).status()).isEqualTo(200);

		tokens.revoke(Actor.of(admin, "127.0.0.1"), issued.id());

		var response = api("/api/v1/units/by-code/31120", issued.token());
		assertThat(response.status()).isEqualTo(401);
		assertProblem(response, 401);
	}

	@Test
	void malformedUnitCodeIsABadRequestWithProblemDetails() {
		String token = issue(ApiPermission.GEOGRAPHY_READ);

		var response = api("/api/v1/units/by-code/abc", token);

		assertThat(response.status()).isEqualTo(400);
		assertProblem(response, 400);
	}

	@Test
	void aMalformedCodeAndAnUnknownUnitAreTranslatedProblems() {
		String token = issue(ApiPermission.GEOGRAPHY_READ);
		Map<String, String> english = Map.of("Authorization", "Bearer " + token, "Accept-Language", "en");

		var malformed = new TestUserAgent(port).get("/api/v1/units/by-code/abc", english);
		var unknownCode = api("/api/v1/units/by-code/99999", token);
		var unknownId = new TestUserAgent(port).get("/api/v1/units/999999999/successors", english);

		assertThat(JsonPath.<String>read(malformed.body(), "$.errors[0].field")).isEqualTo("code");
		assertThat(JsonPath.<String>read(malformed.body(), "$.errors[0].message"))
			.isEqualTo("A unit code is 2 to 5 digits");
		assertThat(unknownCode.status()).isEqualTo(404);
		assertProblem(unknownCode, 404);
		assertThat(JsonPath.<String>read(unknownCode.body(), "$.title")).isEqualTo("Không có đơn vị hành chính này");
		assertThat(unknownId.status()).isEqualTo(404);
		assertThat(JsonPath.<String>read(unknownId.body(), "$.title")).isEqualTo("No such administrative unit");
	}

	@Test
	void everyUseOfATokenIsAudited() {
		var issued = tokens.issue(Actor.of(admin, "127.0.0.1"), "Kiểm thử nhật ký", demoAgency,
				Set.of(ApiPermission.GEOGRAPHY_READ));

		api("/api/v1/units/by-code/31120", issued.token());
		api("/api/v1/units/by-code/31135", issued.token());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<String> details = jdbc
				.sql("SELECT detail FROM audit_entry WHERE action = 'API_TOKEN_USED' AND target_type = 'API_TOKEN' "
						+ "AND target_id = ? ORDER BY id")
				.param(Long.toString(issued.id()))
				.query(String.class)
				.list();
			assertThat(details).containsExactly("GET /api/v1/units/by-code/31120", "GET /api/v1/units/by-code/31135");
		});
		String actor = jdbc
			.sql("SELECT DISTINCT actor FROM audit_entry WHERE action = 'API_TOKEN_USED' AND target_id = ?")
			.param(Long.toString(issued.id()))
			.query(String.class)
			.single();
		assertThat(actor).isEqualTo("api:Kiểm thử nhật ký");
	}

	@Test
	void tokenIsStoredOnlyAsItsHash() throws Exception {
		var issued = tokens.issue(Actor.of(admin, "127.0.0.1"), "Kiểm thử băm", demoAgency,
				Set.of(ApiPermission.GEOGRAPHY_READ));
		api("/api/v1/units/by-code/31120", issued.token());

		String storedHash = jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?")
			.param(issued.id())
			.query(String.class)
			.single();
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(issued.token().getBytes(StandardCharsets.UTF_8)));
		assertThat(storedHash).isEqualTo(expected);
		assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE strpos(CAST(api_token AS text), ?) > 0")
			.param(issued.token())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE strpos(CAST(audit_entry AS text), ?) > 0")
			.param(issued.token())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void openApiDocumentIsServedToASignedInAdministrator() {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));

		var response = agent.get("/api/openapi");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		Map<String, Object> paths = JsonPath.read(response.body(), "$.paths");
		assertThat(paths.keySet()).anyMatch(path -> path.startsWith("/api/v1/units"));
		// the intake benchmark's do-nothing endpoint lives only in the benchmark's own
		// context
		assertThat(paths.keySet()).noneMatch(path -> path.contains("benchmark"));
	}

	@Test
	void openApiDocumentIsRefusedToACommuneOfficer() {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));

		var response = agent.get("/api/openapi");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).doesNotContain("/api/v1/units");
	}

	@Test
	void openApiDocumentSendsAnonymousVisitorsToTheLoginPage() {
		var response = new TestUserAgent(port).get("/api/openapi");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.location()).endsWith("/login");
	}

	@Test
	void healthIsPublic() {
		var response = new TestUserAgent(port).get("/actuator/health");

		assertThat(response.status()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
	}

	@Test
	void prometheusMetricsNeedATokenWithTheMetricsPermission() {
		var anonymous = new TestUserAgent(port).get("/actuator/prometheus");
		assertThat(anonymous.status()).isEqualTo(401);
		assertProblem(anonymous, 401);

		var geographyOnly = api("/actuator/prometheus", issue(ApiPermission.GEOGRAPHY_READ));
		assertThat(geographyOnly.status()).isEqualTo(403);

		var metrics = api("/actuator/prometheus", issue(ApiPermission.METRICS_READ));
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	private String issue(ApiPermission permission) {
		return tokens.issue(Actor.of(admin, "127.0.0.1"), "Kiểm thử " + permission, demoAgency, Set.of(permission))
			.token();
	}

	private TestUserAgent.Response api(String path, String token) {
		return new TestUserAgent(port).get(path, Map.of("Authorization", "Bearer " + token));
	}

	private static void assertProblem(TestUserAgent.Response response, int status) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isNotBlank();
	}

	private CurrentUser currentUser(String username) {
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
		return accounts.current(id).orElseThrow();
	}

}
