package vn.trean.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUserAgent;
import vn.trean.identity.Accounts;
import vn.trean.identity.ApiPermission;
import vn.trean.identity.ApiTokens;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input gate through the real server: control characters and undecodable parameters
 * in every kind of input are refused with a translated 400 and nothing stored; bodies
 * over their limit are refused with 413 before they are read, whether declared or
 * chunked.
 */
@IntegrationTest
class RequestInputIntegrationTests {

	private static final String CONTROL_IN_AUDIT = "SELECT count(*) FROM audit_entry "
			+ "WHERE actor ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\u0080-\\u009f]' "
			+ "OR coalesce(detail, '') ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\u0080-\\u009f]'";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The texts a signed-in user who may send them sends, each with a control character
	 * in it or not decodable.
	 */
	static Stream<Arguments> signedInInputs() {
		return Stream.of(
				Arguments.of(Role.SYSTEM_ADMINISTRATOR, "GET", "/geography/search?q=C%C3%A1i%00Kh%E1%BA%BF", List.of()),
				Arguments.of(Role.SYSTEM_ADMINISTRATOR, "GET", "/directory/agencies?q=tr%00%C6%B0%E1%BB%9Dng",
						List.of()),
				Arguments.of(Role.SYSTEM_ADMINISTRATOR, "GET", "/admin/audit?actor=admin%00", List.of()),
				Arguments.of(Role.SYSTEM_ADMINISTRATOR, "GET", "/admin/audit?action=LOGIN%1B%5B2J", List.of()),
				Arguments.of(Role.HOTLINE_OPERATOR, "POST", "/intake/reports",
						List.of(Map.entry("children[0].fullName", "Tr\u1ea7n\u0000C\u00fac"),
								Map.entry("account", "Ch\u00e1u b\u1ecb \u0111\u00e1nh"))),
				Arguments.of(Role.HOTLINE_OPERATOR, "POST", "/intake/children/matches",
						List.of(Map.entry("index", "0"), Map.entry("children[0].fullName", "C\u00fac\u0000"))),
				Arguments.of(Role.SYSTEM_ADMINISTRATOR, "POST", "/plans/1/reports/1",
						List.of(Map.entry("explanation", "Gi\u1ea3i tr\u00ecnh\u0007\u007f"))),
				Arguments.of(Role.SYSTEM_ADMINISTRATOR, "POST", "/admin/users",
						List.of(Map.entry("username", "moi\u009b"),
								Map.entry("displayName", "Ng\u01b0\u1eddi m\u1edbi"))),
				Arguments.of(Role.SYSTEM_ADMINISTRATOR, "GET", "/plans/1/indicators/1.1%1B%5B2J", List.of()),
				Arguments.of(Role.SYSTEM_ADMINISTRATOR, "GET", "/geography/search?q=%C3%28", List.of()),
				Arguments.of(Role.SYSTEM_ADMINISTRATOR, "GET", "/directory/agencies?q=%FF%FE", List.of()));
	}

	@ParameterizedTest
	@MethodSource("signedInInputs")
	void aControlCharacterOrUndecodableTextIsABadRequestWithATranslatedPage(Role role, String method, String path,
			List<Map.Entry<String, String>> form) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(testAccounts.create(role, "92")).location()).endsWith("/");
		agent.get("/");
		long reports = count("SELECT count(*) FROM report");
		long users = count("SELECT count(*) FROM app_user");

		var refused = method.equals("GET") ? agent.get(path) : agent.post(path, form);

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("Yêu cầu không hợp lệ");
		assertThat(count("SELECT count(*) FROM report")).isEqualTo(reports);
		assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(users);
		assertThat(count(CONTROL_IN_AUDIT)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "a\u001b[31mb", "chu\u00f4ng\u0007", "x\u007f", "c1\u0085" })
	void aFailedLoginWithAControlCharacterIsRefusedInTheVisitorsLanguageAndNotAudited(String username) {
		TestUserAgent visitor = new TestUserAgent(port);
		visitor.get("/login?lang=en");
		long audited = count("SELECT count(*) FROM audit_entry");

		var refused = visitor.post("/login", Map.of("username", username, "password", "whatever-it-is"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("Bad request");
		assertThat(count("SELECT count(*) FROM audit_entry")).isEqualTo(audited);
		assertThat(count(CONTROL_IN_AUDIT)).isZero();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anUndecodableQueryIsABadRequestAndLogsNoError(CapturedOutput log) {
		TestUserAgent visitor = new TestUserAgent(port);

		var refused = visitor.get("/login?username=%C3%28");
		var refusedForm = visitor.post("/login", Map.of("username", "a\u0000b", "password", "x"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("Yêu cầu không hợp lệ");
		assertThat(refusedForm.status()).isEqualTo(400);
		assertThat(log.getAll()).doesNotContain(" ERROR ").doesNotContain("Exception");
	}

	@Test
	void theApiAnswersAControlCharacterInTheQueryWithAProblem() {
		var refused = new TestUserAgent(port).get("/api/v1/units?q=a%00b", Map.of("Accept-Language", "en"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(refused.body()).contains("\"title\":\"The request holds a control character or cannot be read\"");
	}

	@Test
	void aDeclaredHundredMegabyteApiBodyIsRefusedBeforeItIsRead() throws Exception {
		long started = System.nanoTime();

		String answer = exchange(
				"POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Content-Length: 104857600\r\nAccept-Language: en\r\n\r\n",
				"{\"account\":\"".getBytes(), 0);

		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("application/problem+json").contains("The request body is larger than the limit");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void aDeclaredHundredMegabyteFormIsRefusedBeforeItIsRead() throws Exception {
		String answer = exchange(
				"POST /login HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 104857600\r\n\r\n",
				"username=a".getBytes(), 0);

		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("Nội dung gửi lên quá lớn");
	}

	@Test
	void aMultipartBodyAnywhereButTheUploadAddressesIsRefusedUnread() throws Exception {
		String answer = exchange(
				"POST /login HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 12000000\r\n\r\n",
				"--xyz\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\na\r\n".getBytes(), 0);

		assertThat(answer).startsWith("HTTP/1.1 415");
		assertThat(answer).contains("Kiểu nội dung không được nhận");
	}

	@Test
	void aChunkedApiBodyOverTheLimitIsRefusedWhileItIsRead() throws Exception {
		var admin = accounts
			.current(jdbc.sql("SELECT id FROM app_user WHERE username = ?")
				.param(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"))
				.query(Long.class)
				.single())
			.orElseThrow();
		long agency = jdbc.sql("SELECT id FROM agency WHERE name LIKE '[DEMO]%' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		String token = tokens
			.issue(vn.trean.identity.Actor.of(admin, "127.0.0.1"), "Kiểm thử giới hạn", new AgencyId(agency),
					Set.of(ApiPermission.INTAKE))
			.token();
		long reports = count("SELECT count(*) FROM report");

		String answer = exchange(
				"POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Authorization: Bearer " + token + "\r\nTransfer-Encoding: chunked\r\n\r\n",
				"{\"account\":\"".getBytes(), 8 * 1024 * 1024);

		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("application/problem+json").contains("Nội dung yêu cầu vượt quá giới hạn cho phép");
		assertThat(count("SELECT count(*) FROM report")).isEqualTo(reports);
	}

	@Test
	void aChunkedFormOverTheLimitIsRefusedWhileItIsRead() throws Exception {
		String answer = exchange(
				"POST /login HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n",
				"username=".getBytes(), 8 * 1024 * 1024);

		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("Nội dung gửi lên quá lớn");
	}

	@Test
	void aBlankRoleIsRefusedOnTheUserFormAndNothingChanges() {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		String existing = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(existing).query(Long.class).single();
		long unit = jdbc.sql("SELECT jurisdiction_id FROM app_user WHERE id = ?").param(id).query(Long.class).single();
		String name = "t" + System.nanoTime() + ".moi";
		agent.get("/admin/users/new");

		var onlyBlank = agent.post("/admin/users",
				List.of(Map.entry("username", name), Map.entry("displayName", "Người mới"),
						Map.entry("password", TestAccounts.PASSWORD + "-moi"), Map.entry("jurisdiction", "" + unit),
						Map.entry("roles", "")));
		var created = agent.post("/admin/users",
				List.of(Map.entry("username", name), Map.entry("displayName", "Người mới"),
						Map.entry("password", TestAccounts.PASSWORD + "-moi"), Map.entry("jurisdiction", "" + unit),
						Map.entry("roles", "HOTLINE_OPERATOR"), Map.entry("roles", "")));
		agent.get("/admin/users/" + id);
		var updated = agent.post("/admin/users/" + id, List.of(Map.entry("displayName", "Tên đã đổi"),
				Map.entry("jurisdiction", "" + unit), Map.entry("roles", "COMMUNE_OFFICER"), Map.entry("roles", "")));

		assertThat(onlyBlank.status()).isEqualTo(422);
		assertThat(Jsoup.parse(onlyBlank.body()).select("#roles-error").text()).isEqualTo("Chọn ít nhất một vai trò.");
		assertThat(created.status()).isEqualTo(422);
		assertThat(Jsoup.parse(created.body()).select("#roles-error").text()).isEqualTo("Giá trị không hợp lệ.");
		assertThat(count("SELECT count(*) FROM app_user WHERE username = '" + name + "'")).isZero();
		assertThat(updated.status()).isEqualTo(422);
		assertThat(Jsoup.parse(updated.body()).select("#roles-error").text()).isEqualTo("Giá trị không hợp lệ.");
		assertThat(jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(id).query(String.class).single())
			.isNotEqualTo("Tên đã đổi");
	}

	@Test
	void aBlankPermissionIsRefusedOnTheTokenFormAndNoTokenIssued() {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		long agency = jdbc.sql("SELECT id FROM agency WHERE name LIKE '[DEMO]%' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		long issued = count("SELECT count(*) FROM api_token");
		agent.get("/admin/api-tokens");

		var refused = agent.post("/admin/api-tokens", List.of(Map.entry("name", "Khóa thử"),
				Map.entry("agency", "" + agency), Map.entry("permissions", "INTAKE"), Map.entry("permissions", "")));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).select("#permissions-error").text()).isEqualTo("Giá trị không hợp lệ.");
		assertThat(count("SELECT count(*) FROM api_token")).isEqualTo(issued);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/**
	 * Sends a request over a plain socket: the head, the start of a body, and then, when
	 * {@code chunkedBytes} is positive, that many more bytes in chunks for as long as the
	 * server reads them. The answer is read while sending, since the server may answer
	 * and close before the body ends. Returns what the server answered.
	 */
	private String exchange(String head, byte[] start, int chunkedBytes) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			InputStream in = socket.getInputStream();
			CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAll(in));
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.getBytes(StandardCharsets.ISO_8859_1));
				if (chunkedBytes <= 0) {
					out.write(start);
					out.flush();
				}
				else {
					chunk(out, start);
					byte[] piece = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
					for (int sent = 0; sent < chunkedBytes && !answer.isDone(); sent += piece.length) {
						chunk(out, piece);
					}
					out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
			}
			catch (IOException closedByTheServer) {
				// the server answered and closed the connection: the answer says why
			}
			return answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	private static void chunk(OutputStream out, byte[] data) throws IOException {
		out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(data);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/** What arrives until the server closes, times out, or has sent a whole answer. */
	private static String readAll(InputStream in) {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int n;
			while ((n = in.read(buffer)) > 0) {
				received.write(buffer, 0, n);
				String text = received.toString(StandardCharsets.UTF_8);
				if (text.contains("\r\n\r\n") && (text.endsWith("</html>\n") || text.endsWith("}")
						|| text.endsWith("0\r\n\r\n") || text.endsWith("</html>"))) {
					break;
				}
			}
		}
		catch (IOException ex) {
			// reset or timed out: keep what arrived
		}
		return received.toString(StandardCharsets.UTF_8);
	}

}
