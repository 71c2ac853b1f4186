package vn.trean.audit;

import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestActors;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;
import vn.trean.shared.AuditableEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page names actions, target types and outcomes in the reader's language, keeps
 * the stored code beside them, and shows a code it has no words for (an old entry) as the
 * code.
 */
@IntegrationTest
class AuditPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	AuditLog auditLog;

	@Test
	void namesAViewedRecordAndItsOutcomeInVietnameseAndEnglish() {
		String actor = "audit-words-" + System.nanoTime();
		auditLog.recordAccess(TestActors.named(actor, TestUserAgent.newClientAddress()), "TEST_RECORD", "one", null);
		TestUserAgent admin = signedInAdministrator();

		Document vi = Jsoup.parse(admin.get("/admin/audit?actor=" + actor).body());
		Document en = Jsoup.parse(admin.get("/admin/audit?actor=" + actor + "&lang=en").body());

		assertThat(vi.select("tbody tr td").eachText()).contains("Xem hồ sơ", "Thành công")
			.doesNotContain("RECORD_VIEWED", "SUCCESS");
		assertThat(vi.select("tbody tr td[title=RECORD_VIEWED]")).hasSize(1);
		assertThat(en.select("tbody tr td").eachText()).contains("Record viewed", "Succeeded");
	}

	@Test
	void showsAnActionWithoutWordsAsItsStoredCode() {
		String actor = "audit-unknown-" + System.nanoTime();
		auditLog.record(new Entry(actor, "SOMETHING_UNHEARD_OF", "THING_UNHEARD_OF"));
		TestUserAgent admin = signedInAdministrator();

		Document page = Jsoup.parse(admin.get("/admin/audit?actor=" + actor).body());

		assertThat(page.select("tbody tr td").eachText()).contains("SOMETHING_UNHEARD_OF", "Bị từ chối",
				"THING_UNHEARD_OF 7");
	}

	@Test
	void namesARegisterActionAndItsTargetTypeKeepingTheCodesAsTitles() {
		String actor = "audit-register-" + System.nanoTime();
		auditLog.record(new Entry(actor, "FACILITY_CHECKED", "FACILITY"));
		TestUserAgent admin = signedInAdministrator();

		Document vi = Jsoup.parse(admin.get("/admin/audit?actor=" + actor).body());
		Document en = Jsoup.parse(admin.get("/admin/audit?actor=" + actor + "&lang=en").body());

		assertThat(vi.select("tbody tr td").eachText()).contains("Ghi nhận kiểm tra cơ sở", "Cơ sở trợ giúp trẻ em 7")
			.doesNotContain("FACILITY_CHECKED", "FACILITY 7");
		assertThat(vi.select("tbody tr td[title=FACILITY_CHECKED]")).hasSize(1);
		assertThat(vi.select("tbody tr td span[title=FACILITY]").eachText()).containsExactly("Cơ sở trợ giúp trẻ em");
		assertThat(en.select("tbody tr td").eachText()).contains("Facility check recorded", "Facility 7");
	}

	private TestUserAgent signedInAdministrator() {
		TestUserAgent admin = new TestUserAgent(port);
		assertThat(admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92")).location()).endsWith("/");
		return admin;
	}

	private record Entry(String actor, String action, String targetType) implements AuditableEvent {

		@Override
		public String targetId() {
			return "7";
		}

		@Override
		public String clientAddress() {
			return null;
		}

		@Override
		public String outcome() {
			return "DENIED";
		}

		@Override
		public String detail() {
			return null;
		}

		@Override
		public Instant occurredAt() {
			return null;
		}

	}

}
