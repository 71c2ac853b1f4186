package vn.trean.shared;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page addresses whose id cannot be read, as typed ids bind them: each names no page, so
 * it answers the translated 404 page, never a 400 or a 500, and changes nothing.
 */
@IntegrationTest
class MalformedIdsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Test
	void pageAddressesWithAnUnreadableIdAreNotFound() {
		TestUserAgent admin = new TestUserAgent(port);
		assertThat(admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92")).location()).endsWith("/");

		for (String path : List.of("/directory/agencies/abc", "/directory/agencies/1.5/edit", "/geography/units/abc",
				"/admin/users/abc", "/calendar/2026-13-01/edit")) {
			var page = admin.get(path, Map.of("Accept", "text/html"));

			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("Không tìm thấy").doesNotContain("Exception");
		}
	}

	@Test
	void pageAddressesWhoseIdNamesNoRecordShowTheSameNotFoundPage() {
		TestUserAgent admin = new TestUserAgent(port);
		assertThat(admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92")).location()).endsWith("/");

		for (String path : List.of("/directory/agencies/999999999", "/geography/units/999999999")) {
			var page = admin.get(path, Map.of("Accept", "text/html"));

			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path)
				.contains("Không tìm thấy", "Trang hoặc bản ghi bạn yêu cầu không tồn tại.")
				.doesNotContain("Exception");
		}
	}

	@Test
	void aFormPostedToAnUnreadableIdIsNotFoundAndChangesNothing() {
		TestUserAgent admin = new TestUserAgent(port);
		assertThat(admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92")).location()).endsWith("/");
		admin.get("/directory/agencies/new");

		var change = admin.post("/directory/agencies/abc", Map.of("name", "Cơ quan không có"));

		assertThat(change.status()).isEqualTo(404);
	}

	@Test
	void aParameterThatCannotBeReadStaysABadRequest() {
		TestUserAgent admin = new TestUserAgent(port);
		assertThat(admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92")).location()).endsWith("/");

		assertThat(admin.get("/admin/users?page=abc").status()).isEqualTo(400);
	}

}
