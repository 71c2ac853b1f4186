package vn.trean.statistics;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DHIS2 mapping imported from CSV by an administrator: taken whole (a known code gets
 * its new UID) and then used by the exchange file, or refused whole with the reason;
 * refused to anyone else.
 */
@IntegrationTest
class Dhis2MappingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dhis2MappingRepository repository;

	@Test
	void anAdministratorImportsTheMappingWhichTheExchangeFileThenUses() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, TestUnits.CAN_THO));

		TestUserAgent.Response imported = upload(admin, """
				kind,table,code,uid
				DATA_ELEMENT,0101,IMPORT_TEST_ROW,deImportT01
				CATEGORY_OPTION_COMBO,,IMPORT_TEST_COL,cocImport01
				ORG_UNIT,,IMPORT_TEST_UNIT,ouImportT01
				""");
		upload(admin, "ORG_UNIT,,IMPORT_TEST_UNIT,ouImportT02\n");

		assertThat(imported.status()).as(imported.body()).isEqualTo(302);
		Dhis2Mapping mapping = repository.mapping();
		assertThat(mapping.dataElement(TableKind.ABUSED_CHILDREN, "IMPORT_TEST_ROW")).isEqualTo("deImportT01");
		assertThat(mapping.dataElement(TableKind.CASES, "IMPORT_TEST_ROW")).isEqualTo("IMPORT_TEST_ROW");
		assertThat(mapping.combo("IMPORT_TEST_COL")).isEqualTo("cocImport01");
		assertThat(mapping.orgUnit("IMPORT_TEST_UNIT")).isEqualTo("ouImportT02");
		var page = Jsoup.parse(admin.get("/statistics/dhis2-mapping").body());
		assertThat(page.select("#entries td").eachText()).contains("IMPORT_TEST_ROW", "deImportT01");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'STATISTICS_MAPPING_IMPORTED'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aFileWithOneBadLineIsRefusedWholeWithItsReason() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, TestUnits.CAN_THO));

		TestUserAgent.Response refused = upload(admin, """
				CATEGORY_OPTION_COMBO,,REFUSED_TEST_COL,cocRefused1
				DATA_ELEMENT,no-such-table,REFUSED_TEST_ROW,deRefused01
				""");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).select("#file-error").text())
			.startsWith("Tệp bảng mã có dòng không hợp lệ");
		assertThat(repository.mapping().combo("REFUSED_TEST_COL")).isEqualTo("REFUSED_TEST_COL");
		assertThat(upload(admin, "ORG_UNIT,,X,short\n").status()).isEqualTo(422);
	}

	@Test
	void aStatisticianMayNotImportTheMapping() {
		TestUserAgent statistician = signedIn(testAccounts.create(Role.STATISTICIAN, TestUnits.CAN_THO));

		assertThat(statistician.get("/statistics/dhis2-mapping").status()).isEqualTo(403);
		assertThat(upload(statistician, "ORG_UNIT,,DENIED_UNIT,ouDenied001\n").status()).isEqualTo(403);
		assertThat(repository.mapping().orgUnit("DENIED_UNIT")).isEqualTo("DENIED_UNIT");
	}

	private TestUserAgent.Response upload(TestUserAgent agent, String csv) {
		agent.get("/statistics/dhis2-mapping");
		return agent.postMultipart("/statistics/dhis2-mapping", Map.of(),
				new TestUserAgent.FilePart("file", "mapping.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

}
