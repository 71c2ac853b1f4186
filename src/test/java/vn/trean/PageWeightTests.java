package vn.trean;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages stay light for slow mobile connections in the communes: the HTML of every main
 * page (static files excluded) is at most 100 KB, the static files come compressed and
 * once per release, and nothing is loaded from another host.
 */
@IntegrationTest
class PageWeightTests {

	private static final int MAX_BYTES = 100 * 1024;

	private static final int MAX_STATIC_BYTES = 50 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Test
	void everyMainPageWeighsAtMost100KilobytesOfHtml() {
		Map<String, TestUserAgent.Response> pages = mainPages();
		SoftAssertions softly = new SoftAssertions();
		pages.forEach((path, response) -> {
			int bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
			System.out.printf("page weight %-40s %6d bytes%n", path, bytes);
			softly.assertThat(response.status()).as("status of " + path).isEqualTo(200);
			softly.assertThat(response.headers().firstValue("Content-Type").orElse(""))
				.as("content type of " + path)
				.startsWith("text/html");
			softly.assertThat(bytes).as("bytes of HTML of " + path).isPositive().isLessThanOrEqualTo(MAX_BYTES);
		});
		softly.assertAll();
	}

	@Test
	void noPageLoadsOrLinksAnythingFromAnotherHost() {
		Map<String, TestUserAgent.Response> pages = mainPages();
		List<String> external = new ArrayList<>();
		pages.forEach((path, response) -> {
			assertThat(response.status()).as("status of " + path).isEqualTo(200);
			for (Element element : Jsoup.parse(response.body()).getAllElements()) {
				for (Attribute attribute : element.attributes()) {
					if (pointsElsewhere(attribute.getValue())) {
						external.add(path + ": <" + element.tagName() + " " + attribute.html() + ">");
					}
				}
			}
		});
		assertThat(external).as("attributes (src, href, action, ...) naming another host").isEmpty();
	}

	/**
	 * The style sheets and scripts every page loads come once per release (linked by a
	 * name with a hash of their content, kept a year) and weigh at most 50 KB together as
	 * sent to a browser that accepts gzip.
	 */
	@Test
	void theStyleSheetsAndScriptsOfThePagesAreContentVersionedAndLightWhenCompressed() {
		Map<String, String> files = new TreeMap<>();
		mainPages().forEach((path, response) -> Jsoup.parse(response.body())
			.select("link[rel=stylesheet], script[src]")
			.forEach(e -> files.put(e.hasAttr("src") ? e.attr("src") : e.attr("href"), path)));
		assertThat(files).as("files linked by the pages").isNotEmpty();
		assertThat(files.keySet()).as("files linked without a content version")
			.allMatch(file -> file.matches("/[^?#]+-[0-9a-f]{32}\\.(css|js)"));

		TestUserAgent browser = new TestUserAgent(port);
		int compressed = 0;
		for (String file : files.keySet()) {
			TestUserAgent.Download download = browser.download(file, Map.of("Accept-Encoding", "gzip"));
			assertThat(download.status()).as(file + " (linked by " + files.get(file) + ")").isEqualTo(200);
			compressed += download.body().length;
		}
		System.out.printf("static files %s: %d bytes compressed%n", files.keySet(), compressed);
		assertThat(compressed).as("bytes of the static files as sent").isLessThanOrEqualTo(MAX_STATIC_BYTES);
	}

	@Test
	void externalAddressesAreRecognised() {
		assertThat(pointsElsewhere("https://cdn.example.org/htmx.js")).isTrue();
		assertThat(pointsElsewhere("HTTP://example.org/")).isTrue();
		assertThat(pointsElsewhere("//cdn.example.org/x.css")).isTrue();
		assertThat(pointsElsewhere("/css/app.css")).isFalse();
		assertThat(pointsElsewhere("#main")).isFalse();
	}

	/**
	 * A URL with a scheme or a protocol-relative URL, i.e. one that may reach another
	 * host.
	 */
	private static boolean pointsElsewhere(String value) {
		String v = value.strip().toLowerCase();
		return v.startsWith("http://") || v.startsWith("https://") || v.startsWith("//");
	}

	/**
	 * The answers to every main page: signed in as a city administrator, and the login
	 * page anonymously.
	 */
	private Map<String, TestUserAgent.Response> mainPages() {
		Map<String, TestUserAgent.Response> pages = new LinkedHashMap<>();
		pages.put("/login (anonymous)", new TestUserAgent(port).get("/login"));

		TestUserAgent admin = new TestUserAgent(port);
		var signedIn = admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		assertThat(signedIn.status()).as("sign-in answer").isEqualTo(302);
		assertThat(signedIn.location()).as("after sign-in").endsWith("/");

		TestUserAgent.Response geography = admin.get("/geography");
		assertThat(geography.status()).isEqualTo(200);
		Element canTho = Jsoup.parse(geography.body()).selectFirst("a:containsOwn(Thành phố Cần Thơ)");
		assertThat(canTho).as("link to Thành phố Cần Thơ on /geography").isNotNull();
		String canThoPage = canTho.attr("href");
		assertThat(canThoPage).matches("/geography/units/\\d+");

		for (String path : List.of("/", "/geography", canThoPage, "/geography/search?q=hoa", "/directory/agencies",
				"/directory/agencies/new", "/admin/users", "/admin/users/new", "/admin/api-tokens", "/admin/audit",
				"/calendar", "/account")) {
			pages.put(path, path.equals("/geography") ? geography : admin.get(path));
		}
		pages.put("/report (anonymous)", new TestUserAgent(port).get("/report"));
		pages.put("/report/status (anonymous)", new TestUserAgent(port).get("/report/status?code=ABCDEFGHJK"));
		TestUserAgent operator = new TestUserAgent(port);
		operator.signIn(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		for (String path : List.of("/intake/reports/new", "/intake/recorded", "/intake/inbox")) {
			pages.put(path + " (hotline operator)", operator.get(path));
		}
		TestUserAgent officer = new TestUserAgent(port);
		officer.signIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		TestUserAgent.Response inbox = officer.get("/intake/inbox");
		pages.put("/intake/inbox (commune officer)", inbox);
		Element report = Jsoup.parse(inbox.body()).selectFirst("a[href^=/intake/reports/]");
		assertThat(report).as("a report in the Cái Khế officer's inbox (demo data)").isNotNull();
		pages.put("/intake/reports/{id} (commune officer)", officer.get(report.attr("href")));
		for (String path : List.of("/cases", "/cases/all", "/cases/overdue")) {
			pages.put(path + " (commune officer)", officer.get(path));
		}
		Element aCase = Jsoup.parse(officer.get("/cases/all").body())
			.selectFirst("a[href^=/cases/]:not([href=/cases/all])" + ":not([href=/cases/overdue]):not([href=/cases])");
		assertThat(aCase).as("a case in Cái Khế (demo data)").isNotNull();
		pages.put("/cases/{id} (commune officer)", officer.get(aCase.attr("href")));
		pages.put("/cases/{id}/forms/plan (commune officer)", officer.get(aCase.attr("href") + "/forms/plan"));
		pages.put("/cases/settings (administrator)", admin.get("/cases/settings"));
		TestUserAgent.Response plans = admin.get("/plans");
		pages.put("/plans (administrator)", plans);
		Element plan = Jsoup.parse(plans.body())
			.select("a[href^=/plans/]")
			.stream()
			.filter(a -> a.ownText().strip().equals("55/KH-UBND"))
			.findFirst()
			.orElse(null);
		assertThat(plan).as("Plan 55/KH-UBND on /plans").isNotNull();
		pages.put("/plans/{id} (administrator)", admin.get(plan.attr("href")));
		TestUserAgent manager = new TestUserAgent(port);
		manager.signIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		TestUserAgent.Response indicator = manager.get(plan.attr("href") + "/indicators/1.1");
		pages.put("/plans/{id}/indicators/1.1 (provincial manager, with forms)", indicator);
		pages.put("/plans/{id}/dashboard (provincial manager, 103 communes)",
				manager.get(plan.attr("href") + "/dashboard"));
		Element activity = Jsoup.parse(manager.get(plan.attr("href")).body()).selectFirst("a[href$=/edit]");
		assertThat(activity).as("an activity's edit link for the plan administrator").isNotNull();
		pages.put("/plans/{id}/activities/{a}/edit (provincial manager)", manager.get(activity.attr("href")));
		for (String path : List.of("/registers", "/registers/workforce", "/registers/trainings", "/registers/events",
				"/registers/facilities", "/registers/rooms")) {
			pages.put(path + " (provincial manager, with forms)", manager.get(path));
		}
		Element trainingUnit = Jsoup.parse(manager.get("/registers/trainings").body())
			.selectFirst("select#unit option:containsOwn(Phường Cái Khế)");
		assertThat(trainingUnit).as("Cái Khế among the units a training can be recorded for").isNotNull();
		pages.put("/registers/trainings/new (provincial manager)",
				manager.get("/registers/trainings/new?unit=" + trainingUnit.attr("value")));
		return pages;
	}

}
