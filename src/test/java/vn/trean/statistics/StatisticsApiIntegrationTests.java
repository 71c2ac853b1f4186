package vn.trean.statistics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.ApiPermission;
import vn.trean.identity.ApiTokens;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics API's refusals: a token without the permission, an unknown table, an
 * invalid period or unit, a unit outside the token's agency's unit; and its place in the
 * OpenAPI document.
 */
@IntegrationTest
class StatisticsApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Directory directory;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenWithoutTheStatisticsPermissionIsRefused() {
		String intake = token(agency(TestUnits.CAI_KHE), ApiPermission.INTAKE);

		TestUserAgent.Response refused = get(intake, "/api/v1/statistics/0101?period=2025&unit=" + TestUnits.CAI_KHE);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(JsonPath.<String>read(refused.body(), "$.title")).isEqualTo("Khóa API không có quyền này");
		assertThat(new TestUserAgent(port).get("/api/v1/statistics/0101").status()).isEqualTo(401);
	}

	@Test
	void anUnknownTableAnInvalidPeriodAndAnUnknownUnitAreBadRequestsNamingTheField() {
		String token = token(agency(TestUnits.CAI_KHE), ApiPermission.STATISTICS);

		TestUserAgent.Response table = get(token, "/api/v1/statistics/0202?period=2025&unit=" + TestUnits.CAI_KHE);
		TestUserAgent.Response period = get(token, "/api/v1/statistics/0101?period=2025-H3&unit=" + TestUnits.CAI_KHE);
		TestUserAgent.Response unit = get(token, "/api/v1/statistics/0101?period=2025&unit=99999");

		assertThat(table.status()).isEqualTo(400);
		assertThat(JsonPath.<String>read(table.body(), "$.title")).isEqualTo("Không có bảng số liệu này");
		assertThat(period.status()).isEqualTo(400);
		assertThat(JsonPath.<String>read(period.body(), "$.title")).isEqualTo("Yêu cầu số liệu không hợp lệ");
		assertThat(period.body()).contains("\"period\"");
		assertThat(unit.status()).isEqualTo(400);
		assertThat(unit.body()).contains("\"unit\"");
	}

	@Test
	void aUnitOutsideTheTokensAgencysUnitIsForbidden() {
		String commune = token(agency(TestUnits.CAI_KHE), ApiPermission.STATISTICS);

		TestUserAgent.Response refused = get(commune, "/api/v1/statistics/cases?period=2025&unit=" + TestUnits.CAN_THO);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(JsonPath.<String>read(refused.body(), "$.title"))
			.isEqualTo("Đơn vị nằm ngoài phạm vi của mã truy cập API");
	}

	@Test
	void aProvincialTokenReadsACommunesTableSuppressedAndWithoutTraces() {
		String province = token(agency(TestUnits.CAN_THO), ApiPermission.STATISTICS);

		TestUserAgent.Response table = get(province, "/api/v1/statistics/0101?period=2025&unit=" + TestUnits.CAI_KHE);

		assertThat(table.status()).as(table.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(table.body(), "$.table")).isEqualTo("0101");
		assertThat(JsonPath.<String>read(table.body(), "$.period")).isEqualTo("2025");
		assertThat(JsonPath.<String>read(table.body(), "$.unit.code")).isEqualTo(TestUnits.CAI_KHE);
		assertThat(JsonPath.<Boolean>read(table.body(), "$.suppressed")).isTrue();
		assertThat(JsonPath.<List<Object>>read(table.body(), "$.rows")).isNotEmpty();
		assertThat(JsonPath.<List<Boolean>>read(table.body(), "$.rows[*].cells[*].suppressed")).isNotEmpty();
		List<Object> suppressedValues = JsonPath.read(table.body(), "$.rows[*].cells[?(@.suppressed == true)].value");
		assertThat(suppressedValues).allMatch(java.util.Objects::isNull);
		assertThat(table.body()).doesNotContain("trace");
	}

	@Test
	void theOpenApiDocumentListsTheStatisticsPath() {
		TestUserAgent administrator = new TestUserAgent(port);
		administrator.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, TestUnits.CAN_THO));

		TestUserAgent.Response document = administrator.get("/api/openapi");

		Map<String, Object> paths = JsonPath.read(document.body(), "$.paths");
		assertThat(paths).containsKey("/api/v1/statistics/{table}");
		assertThat(document.body()).contains("api.statistics.table.unknown");
	}

	AgencyId agency(String unitCode) {
		return directory
			.registerDemo(new Directory.AgencyDetails("Sở thống kê " + UUID.randomUUID().toString().substring(0, 6),
					Sector.CHILD_PROTECTION_AUTHORITY, testUnits.id(unitCode), null, null, null, null));
	}

	String token(AgencyId agency, ApiPermission... permissions) {
		long admin = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.param(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, TestUnits.CAN_THO))
			.query(Long.class)
			.single();
		return tokens
			.issue(Actor.of(accounts.current(admin).orElseThrow(), "127.0.0.1"), "Hệ thống thống kê", agency,
					Set.of(permissions))
			.token();
	}

	TestUserAgent.Response get(String token, String path) {
		return new TestUserAgent(port).get(path, Map.of("Authorization", "Bearer " + token));
	}

}
