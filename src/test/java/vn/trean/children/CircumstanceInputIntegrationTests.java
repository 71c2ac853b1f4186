package vn.trean.children;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.children.CircumstancesFixture.post;

/**
 * Input no form of the special-circumstances page would send: unreadable numbers and
 * dates, unknown codes, markup and overlong texts. Each is refused with the page and its
 * errors (or not found), never a server error, and nothing is saved.
 */
@IntegrationTest
class CircumstanceInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void unreadableOrForgedInputIsRefusedAndSavesNothing() {
		CircumstancesFixture fixture = new CircumstancesFixture(port, context);
		Child hoa = fixture.girlOf(TestUnits.CAI_KHE, LocalDate.of(2015, 3, 4));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		String today = fixture.today().toString();
		post(officer, hoa, "/entries", Map.of("group", "DISABILITY", "startedOn", today));
		long versions = fixture.entryVersions(hoa);
		List<Map.Entry<String, Map<String, String>>> forged = List.of(
				Map.entry("/entries", Map.of("group", "DISABILITY", "startedOn", "2026-13-45")),
				Map.entry("/entries", Map.of("group", "EXPLOITED", "startedOn", today, "evidence", "<b>x</b>")),
				Map.entry("/entries", Map.of("group", "EXPLOITED", "startedOn", today, "evidence", "x".repeat(2001))),
				Map.entry("/entries/correct", Map.of("entry", "abc", "version", "x", "reason", "Sai")),
				Map.entry("/entries/correct", Map.of("entry", "1", "reason", "Sai")),
				Map.entry("/entries/end", Map.of("entry", "99999999999999999999", "version", "1", "endedOn", today)),
				Map.entry("/supports", Map.of("kind", "MAGIC", "from", today)),
				Map.entry("/supports", Map.of("kind", "EDUCATION", "from", today, "agency", "not-a-number")),
				Map.entry("/supports", Map.of("kind", "EDUCATION", "from", today, "agency", "987654321")),
				Map.entry("/supports/correct", Map.of("support", "", "version", "", "reason", "")));

		for (Map.Entry<String, Map<String, String>> form : forged) {
			var answer = post(officer, hoa, form.getKey(), new LinkedHashMap<>(form.getValue()));

			assertThat(answer.status()).as(form.toString()).isIn(404, 409, 422);
		}
		assertThat(fixture.entryVersions(hoa)).isEqualTo(versions);
		assertThat(fixture.count("SELECT count(*) FROM support_entry WHERE child_id = ?", hoa.id().value())).isZero();
	}

}
