package vn.trean.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import vn.trean.ModuleTest;
import vn.trean.geography.Geography;
import vn.trean.identity.Accounts;
import vn.trean.identity.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data with every module it depends on, directly or through intake, and the case
 * work (the 12-hour clock intake asks for): started with the demo profile, it leaves one
 * labelled account per demo role, acting where the demo says, and its two reports. The
 * data is loaded once per database, so it may have been loaded by an earlier context.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "cases")
@ModuleTest
class DemoModuleTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Geography geography;

	@Autowired
	JdbcClient jdbc;

	@Test
	void leavesEveryDemoAccountActingWhereTheDemoSaysAndItsTwoReports() {
		for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
			CurrentUser user = accounts.current(idOf(account.username())).orElseThrow();
			assertThat(user.displayName()).startsWith("[DEMO]");
			assertThat(user.roles()).containsExactly(account.role());
			assertThat(user.jurisdiction())
				.isEqualTo(geography.unitByCode(account.unitCode(), geography.today()).orElseThrow().id());
		}
		assertThat(jdbc.sql("""
				SELECT c.full_name FROM report_child c JOIN report r ON r.id = c.report_id
				JOIN app_user u ON u.id = r.received_by
				WHERE u.username = 'demo.hotline' AND u.demo ORDER BY c.full_name""").query(String.class).list())
			.containsExactly("[DEMO] Lê Văn Tú", "[DEMO] Trần Thị Mai");
	}

	private long idOf(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ? AND demo")
			.param(username)
			.query(Long.class)
			.single();
	}

}
