package vn.trean.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings pages over HTTP: only an administrator reaches them, bad input is refused
 * with a translated error and changes nothing, and the preview shows exactly a set's
 * fields with sample values.
 */
@IntegrationTest
class ReferralSettingsPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Test
	void aCommuneOfficerIsRefusedEveryPageAndChange() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		String before = settingsAsStored();

		for (String page : List.of("/referrals/settings/services", "/referrals/settings/services/SCHOOL_SUPPORT",
				"/referrals/settings/fields", "/referrals/settings/fields/SCHOOL")) {
			assertThat(officer.get(page).status()).as(page).isEqualTo(403);
		}
		assertThat(officer.post("/referrals/settings/services", service("SCHOOL_SUPPORT", "5", "SCHOOL")).status())
			.isEqualTo(403);
		assertThat(officer
			.post("/referrals/settings/fields", List.of(Map.entry("sector", "SCHOOL"), Map.entry("fields", "ACCOUNT")))
			.status()).isEqualTo(403);
		assertThat(settingsAsStored()).isEqualTo(before);
	}

	@Test
	void aServiceChangeOutOfRangeOrWithoutSectorsIsRefusedWithATranslatedErrorAndNothingSaved() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		admin.get("/referrals/settings/services/SCHOOL_SUPPORT");
		String before = settingsAsStored();

		var zero = admin.post("/referrals/settings/services", service("SCHOOL_SUPPORT", "0", "SCHOOL"));
		assertThat(zero.status()).isEqualTo(422);
		assertThat(errorOf(zero.body(), "responseAmount")).isEqualTo(message("validation.range"));
		assertThat(Jsoup.parse(zero.body()).getElementById("responseAmount").val()).as("shown as typed").isEqualTo("0");

		var noSector = admin.post("/referrals/settings/services", service("SCHOOL_SUPPORT", "5"));
		assertThat(noSector.status()).isEqualTo(422);
		assertThat(errorOf(noSector.body(), "sectors")).isEqualTo(message("referral.settings.sectors-required"));
		assertThat(summaryLinks(noSector.body())).containsExactly("sectors");

		var unknownSector = admin.post("/referrals/settings/services", service("SCHOOL_SUPPORT", "5", "MARS"));
		assertThat(unknownSector.status()).isEqualTo(422);
		assertThat(errorOf(unknownSector.body(), "sectors")).isEqualTo(message("validation.invalid"));

		var hotline = admin.post("/referrals/settings/services", service("SCHOOL_SUPPORT", "5", "HOTLINE"));
		assertThat(hotline.status()).isEqualTo(422);
		assertThat(errorOf(hotline.body(), "sectors")).isEqualTo(message("referral.settings.sector-not-receiving"));

		var unknownUnit = admin.post("/referrals/settings/services",
				replaced(service("SCHOOL_SUPPORT", "5", "SCHOOL"), "responseUnit", "WEEKS"));
		assertThat(unknownUnit.status()).isEqualTo(422);
		assertThat(errorOf(unknownUnit.body(), "responseUnit")).isEqualTo(message("validation.invalid"));

		assertThat(admin.post("/referrals/settings/services", service("NO_SUCH_SERVICE", "5", "SCHOOL")).status())
			.isEqualTo(400);
		assertThat(admin.get("/referrals/settings/services/NO_SUCH_SERVICE").status()).isEqualTo(404);
		assertThat(settingsAsStored()).isEqualTo(before);
	}

	@Test
	void aFieldSetWithAnUnknownFieldTheReporterOrNothingIsRefusedAndNothingSaved() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		admin.get("/referrals/settings/fields/SCHOOL");
		String before = settingsAsStored();

		var unknown = admin.post("/referrals/settings/fields", fields("SCHOOL", "CHILD_NAME", "SHOE_SIZE"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(errorOf(unknown.body(), "fields")).isEqualTo(message("validation.invalid"));

		var reporter = admin.post("/referrals/settings/fields", fields("SCHOOL", "CHILD_NAME", "REPORTER_IDENTITY"));
		assertThat(reporter.status()).isEqualTo(422);
		assertThat(errorOf(reporter.body(), "fields")).isEqualTo(message("referral.settings.reporter-not-a-field"));

		var none = admin.post("/referrals/settings/fields", fields("SCHOOL"));
		assertThat(none.status()).isEqualTo(422);
		assertThat(errorOf(none.body(), "fields")).isEqualTo(message("referral.settings.fields-required"));
		assertThat(summaryLinks(none.body())).containsExactly("fields");

		assertThat(admin.post("/referrals/settings/fields", fields("MARS", "CHILD_NAME")).status()).isEqualTo(400);
		assertThat(admin.get("/referrals/settings/fields/HOTLINE").status()).isEqualTo(404);
		assertThat(admin.get("/referrals/settings/fields/MARS").status()).isEqualTo(404);
		assertThat(settingsAsStored()).isEqualTo(before);
	}

	@Test
	void thePreviewShowsExactlyTheSetsFieldsWithSampleValues() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		Document police = Jsoup.parse(admin.get("/referrals/settings/fields/POLICE").body());
		assertThat(previewed(police)).containsExactly("CHILD_NAME", "CHILD_SEX", "CHILD_AGE", "CHILD_BIRTH_DATE",
				"CHILD_ID_NUMBER", "CHILD_ADDRESS", "CARER_CONTACT", "HARM_FORMS", "HARM_SETTING", "INCIDENT_PLACE",
				"INCIDENT_TIME", "ACCOUNT", "PERPETRATOR", "SUPPORT_REQUESTED", "CASE_OFFICER_CONTACT",
				"REPORTER_IDENTITY");
		assertThat(police.select("dd[data-field=ACCOUNT]").text())
			.isEqualTo(message("referral.settings.sample.ACCOUNT"));
		assertThat(police.getElementById("reporterOnExplicitShare").hasAttr("checked")).isTrue();
		assertThat(police.select("input[name=fields][value=REPORTER_IDENTITY]")).isEmpty();

		Document school = Jsoup.parse(admin.get("/referrals/settings/fields/SCHOOL").body());
		assertThat(previewed(school)).containsExactly("CHILD_NAME", "CHILD_SEX", "CHILD_AGE", "CHILD_SCHOOL",
				"CHILD_CLASS", "SUPPORT_REQUESTED", "CASE_OFFICER_CONTACT");
		String before = settingsAsStored();

		var proposal = admin.post("/referrals/settings/fields/preview", fields("SCHOOL", "CHILD_NAME", "ACCOUNT"));
		assertThat(proposal.status()).isEqualTo(200);
		Document proposed = Jsoup.parse(proposal.body());
		assertThat(previewed(proposed)).containsExactly("CHILD_NAME", "ACCOUNT");
		assertThat(proposed.text()).contains(message("referral.settings.preview.unsaved"));
		assertThat(proposed.select("input[name=fields][checked]").eachAttr("value")).containsExactly("CHILD_NAME",
				"ACCOUNT");
		assertThat(settingsAsStored()).isEqualTo(before);
	}

	@Test
	void theServicesPageMarksSeededLimitsToBeConfirmedAndTheForwardingAsFixedByLaw() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		Document page = Jsoup.parse(admin.get("/referrals/settings/services").body());

		assertThat(page.select("#service-OTHER .badge").text()).isEqualTo(message("referral.settings.to-confirm"));
		assertThat(page.getElementById("forwarding").text()).contains("24")
			.contains(message("referral.settings.forwarding.law"));
		assertThat(page.select("input[name=amount], form[action$=/forwarding]")).isEmpty();
		assertThat(page.select("nav a[href$=/referrals/settings/services]")).isNotEmpty();
		Document crime = Jsoup.parse(admin.get("/referrals/settings/services/CRIME_INVESTIGATION").body());
		assertThat(crime.getElementById("forwarding").text()).contains(message("referral.settings.forwarding.law"));
		assertThat(crime.getElementById("responseAmount").val()).isEqualTo("12");
		assertThat(crime.select("#responseUnit option[selected]").val()).isEqualTo("HOURS");
		assertThat(crime.select("input[name=sectors][checked]").eachAttr("value")).containsExactly("POLICE");
	}

	private List<String> previewed(Document page) {
		return page.select("#preview dd[data-field]").eachAttr("data-field");
	}

	private static List<Map.Entry<String, String>> service(String service, String amount, String... sectors) {
		List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("service", service),
				Map.entry("purpose", "EDUCATION_SUPPORT"), Map.entry("responseAmount", amount),
				Map.entry("responseUnit", "WORKING_DAYS"), Map.entry("completionAmount", "10"),
				Map.entry("completionUnit", "WORKING_DAYS"), Map.entry("active", "true")));
		for (String sector : sectors) {
			form.add(Map.entry("sectors", sector));
		}
		return form;
	}

	private static List<Map.Entry<String, String>> replaced(List<Map.Entry<String, String>> form, String name,
			String value) {
		return form.stream().map(e -> e.getKey().equals(name) ? Map.entry(name, value) : e).toList();
	}

	private static List<Map.Entry<String, String>> fields(String sector, String... fields) {
		List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("sector", sector)));
		for (String field : fields) {
			form.add(Map.entry("fields", field));
		}
		return form;
	}

	/** The fields the error summary links to, each checked to lead to an element. */
	private static List<String> summaryLinks(String body) {
		Document page = Jsoup.parse(body);
		List<String> targets = page.select(".error-summary a")
			.eachAttr("href")
			.stream()
			.map(h -> h.substring(1))
			.toList();
		assertThat(targets).allSatisfy(id -> assertThat(page.getElementById(id)).as(id).isNotNull());
		return targets;
	}

	private static String errorOf(String body, String field) {
		Element error = Jsoup.parse(body).getElementById(field + "-error");
		return error == null ? null : error.text();
	}

	/** Every row of the settings tables, as one text. */
	private String settingsAsStored() {
		return jdbc.sql("""
				SELECT (SELECT string_agg(k::text, ';' ORDER BY code) FROM referral_service_kind k)
				  || (SELECT string_agg(service || sector, ';' ORDER BY service, sector) FROM referral_service_sector)
				  || (SELECT string_agg(sector || field, ';' ORDER BY sector, field) FROM share_field_set)
				  || coalesce((SELECT string_agg(o::text, ';' ORDER BY sector) FROM share_sector_option o), '')""")
			.query(String.class)
			.single();
	}

	private String message(String key) {
		return messages.getMessage(key, null, Locale.forLanguageTag("vi"));
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

}
