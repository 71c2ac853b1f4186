package vn.trean.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow mobile connections in the communes: the style sheet and scripts travel compressed
 * and once per release (linked by content-versioned names kept a year), while the pages
 * themselves are never stored by any cache.
 */
@IntegrationTest
class StaticFilesIntegrationTests {

	private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

	/**
	 * Shorter answers are sent as they are: compressing them would save next to nothing.
	 */
	private static final int TOMCAT_MIN_SIZE = 2048;

	private static final Map<String, String> GZIP = Map.of("Accept-Encoding", "gzip");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Test
	void thePagesLinkTheStyleSheetAndHtmxByContentVersionedNames() {
		Document login = loginPage();

		assertThat(styleSheet(login)).matches("/css/app-[0-9a-f]{32}\\.css");
		assertThat(htmx(login)).matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min-[0-9a-f]{32}\\.js");
	}

	@Test
	void aFileLinkedByItsContentVersionedNameIsKeptAYearWithoutAskingAgain() {
		Document login = loginPage();
		TestUserAgent browser = new TestUserAgent(port);

		for (String path : List.of(styleSheet(login), htmx(login))) {
			TestUserAgent.Download file = browser.download(path);
			String cacheControl = file.headers().firstValue("Cache-Control").orElse("");
			assertThat(file.status()).as(path).isEqualTo(200);
			assertThat(maxAge(cacheControl)).as("max-age of " + path).isGreaterThanOrEqualTo(Duration.ofDays(365));
			assertThat(cacheControl).as(path).contains("immutable", "public").doesNotContain("no-store", "no-cache");
			assertThat(file.body()).as(path).isEqualTo(browser.download(plainName(path)).body());
		}
		assertThat(browser.download(styleSheet(login)).contentType()).startsWith("text/css");
		assertThat(browser.download(htmx(login)).contentType()).startsWith("text/javascript");
	}

	@Test
	void aFileAskedForByItsPlainNameIsRevalidatedOnEveryUse() {
		TestUserAgent browser = new TestUserAgent(port);

		for (String path : List.of("/css/app.css", "/webjars/htmx.org/dist/htmx.min.js")) {
			TestUserAgent.Download file = browser.download(path);
			assertThat(file.status()).as(path).isEqualTo(200);
			assertThat(file.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
			String lastModified = file.headers().firstValue("Last-Modified").orElseThrow();

			TestUserAgent.Download unchanged = browser.download(path, Map.of("If-Modified-Since", lastModified));
			assertThat(unchanged.status()).as("revalidation of " + path).isEqualTo(304);
			assertThat(unchanged.headers().firstValue("Cache-Control").orElse(""))
				.as("lifetime given by a revalidation of " + path)
				.doesNotContain("max-age", "immutable");
		}
	}

	@Test
	void aVersionThatDoesNotMatchTheContentIsNotFound() {
		TestUserAgent browser = new TestUserAgent(port);
		String wrong = "0123456789abcdef0123456789abcdef";

		assertThat(browser.download("/css/app-" + wrong + ".css").status()).isEqualTo(404);
		assertThat(browser.download(htmx(loginPage()).replaceAll("-[0-9a-f]{32}\\.js$", "-" + wrong + ".js")).status())
			.isEqualTo(404);
	}

	@Test
	void htmxIsSentCompressedToABrowserThatAcceptsGzip() {
		String htmx = htmx(loginPage());
		TestUserAgent browser = new TestUserAgent(port);

		TestUserAgent.Download plain = browser.download(htmx);
		TestUserAgent.Download compressed = browser.download(htmx, GZIP);

		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(compressed.body().length).isLessThan(plain.body().length / 2);
		assertThat(gunzip(compressed.body())).isEqualTo(plain.body());
	}

	@Test
	void everyTextFileOfThePagesAndOfTheApiDocumentationIsSentCompressed() {
		TestUserAgent admin = new TestUserAgent(port);
		admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		Document start = Jsoup.parse(admin.get("/").body());
		List<String> paths = new ArrayList<>(List.of(styleSheet(start), htmx(start), "/api/openapi"));
		paths.addAll(swaggerUiFiles(admin));

		for (String path : paths) {
			if (admin.download(path).body().length < TOMCAT_MIN_SIZE) {
				continue;
			}
			TestUserAgent.Download file = admin.download(path, GZIP);
			assertThat(file.status()).as(path).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Encoding")).as("encoding of " + path).hasValue("gzip");
		}
	}

	@Test
	void aPageIsStoredByNoCacheCompressedOrNot() {
		TestUserAgent officer = new TestUserAgent(port);
		officer.signIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));

		for (TestUserAgent.Response page : List.of(new TestUserAgent(port).get("/login"), officer.get("/cases"),
				officer.get("/cases", GZIP))) {
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store")
				.doesNotContain("public", "immutable");
		}
	}

	private Document loginPage() {
		return Jsoup.parse(new TestUserAgent(port).get("/login").body());
	}

	private static String styleSheet(Document page) {
		return page.selectFirst("link[rel=stylesheet]").attr("href");
	}

	private static String htmx(Document page) {
		return page.selectFirst("script[src*=htmx]").attr("src");
	}

	/** {@code /css/app-<md5>.css} without its version: {@code /css/app.css}. */
	private static String plainName(String path) {
		return path.replaceAll("-[0-9a-f]{32}(\\.[a-z]+)$", "$1");
	}

	private static Duration maxAge(String cacheControl) {
		Matcher m = MAX_AGE.matcher(cacheControl);
		return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : Duration.ZERO;
	}

	/** The style sheets and scripts of the API documentation's page. */
	private static List<String> swaggerUiFiles(TestUserAgent admin) {
		TestUserAgent.Response docs = admin.get("/api/docs");
		assertThat(docs.status()).as("/api/docs").isEqualTo(302);
		URI page = URI.create("/api/docs").resolve(docs.location());
		Document index = Jsoup.parse(admin.get(page.toString()).body());
		List<String> files = new ArrayList<>();
		index.select("link[rel=stylesheet][href], script[src]")
			.forEach(e -> files.add(page.resolve(e.hasAttr("src") ? e.attr("src") : e.attr("href")).getPath()));
		assertThat(files).as("files of " + page).anyMatch(f -> f.endsWith(".js")).anyMatch(f -> f.endsWith(".css"));
		return files;
	}

	private static byte[] gunzip(byte[] body) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
