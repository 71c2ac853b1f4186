package vn.trean.referrals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trean.TestUserAgent;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.ApiPermission;
import vn.trean.identity.ApiTokens;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the referrals API tests share: tokens issued for an agency by the city's
 * administrator, referrals sent to an agency, and requests with a bearer token.
 */
abstract class ReferralApiFixture extends ReferralFixture {

	@Autowired
	ApiTokens tokens;

	@Autowired
	Accounts accounts;

	/**
	 * A token of the agency with the permissions, issued as the administration page does.
	 */
	String token(AgencyId agency, ApiPermission... permissions) {
		return issued(agency, permissions).token();
	}

	ApiTokens.IssuedToken issued(AgencyId agency, ApiPermission... permissions) {
		long admin = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.param(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"))
			.query(Long.class)
			.single();
		return tokens.issue(Actor.of(accounts.current(admin).orElseThrow(), "127.0.0.1"), "Hệ thống của cơ quan",
				agency, Set.of(permissions));
	}

	/** A referral drafted, consented and sent to the agency by the case's officer. */
	ReferralId sent(AgencyId agency, String service, String purpose) {
		consent(purpose);
		ReferralId id = draft(agency, service);
		assertThat(step(officer, id, "send", Map.of()).status()).isEqualTo(302);
		return id;
	}

	String code(ReferralId id) {
		return jdbc.sql("SELECT reference_code FROM referral WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
	}

	TestUserAgent.Response get(String token, String path) {
		return new TestUserAgent(port).get(path, Map.of("Authorization", "Bearer " + token));
	}

	TestUserAgent.Response post(String token, String path, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (!headers.containsKey("Content-Type")) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		return new TestUserAgent(port).send(request);
	}

	/** Posts a step with its Idempotency-Key. */
	TestUserAgent.Response post(String token, ReferralId id, String step, String body, String key) {
		return post(token, "/api/v1/referrals/" + id + "/" + step, body, Map.of("Idempotency-Key", key));
	}

	long count(String sql, ReferralId id) {
		return jdbc.sql(sql).param("id", id.value()).query(Long.class).single();
	}

	long refusalsLogged(ReferralId id) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE target_id = :id AND outcome = 'DENIED'")
			.param("id", id.toString())
			.query(Long.class)
			.single();
	}

	static void assertProblem(TestUserAgent.Response response, int status, String title) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo(title);
	}

	/** The problem's field errors: field to message. */
	static Map<String, String> errors(TestUserAgent.Response response) {
		List<Map<String, String>> list = JsonPath.read(response.body(), "$.errors");
		Map<String, String> errors = new LinkedHashMap<>();
		list.forEach(e -> errors.put(e.get("field"), e.get("message")));
		return errors;
	}

}
