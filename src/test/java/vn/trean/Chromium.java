package vn.trean;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser journeys, with the screen of a small phone (360 ×
 * 800 CSS px, mobile viewport rules). Register it in a test class with
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}: one
 * browser per test class, started on first use, with its cookies cleared before each test
 * and quit after the class.
 * <p>
 * Uses the system's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (no
 * downloads). When they are missing the tests are skipped on a developer machine, and
 * fail when the environment variable {@code CI} is {@code true}: a CI run never silently
 * skips them.
 */
public final class Chromium implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	/** The viewport width the pages must fit: a small Android phone. */
	public static final int WIDTH = 360;

	static final int HEIGHT = 800;

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** The TOTP time step each account last signed in with. */
	private static final java.util.Map<String, Long> LAST_CODE_STEP = new java.util.concurrent.ConcurrentHashMap<>();

	private ChromeDriver driver;

	private Path profile;

	/** Why the browser cannot run here, or null when it can. */
	private String missing;

	@Override
	public void beforeAll(ExtensionContext context) {
		List<String> absent = Stream.of(BROWSER, DRIVER)
			.filter(p -> !Files.isExecutable(p))
			.map(Path::toString)
			.toList();
		if (absent.isEmpty()) {
			missing = null;
			return;
		}
		missing = "Browser tests of " + context.getDisplayName() + " need " + String.join(" and ", absent)
				+ " (Debian: apt-get install chromium chromium-driver)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(missing + "; CI=true, so the tests fail instead of being skipped");
		}
		System.out.println("SKIPPED: " + missing);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// each test is skipped on its own, so the skips show in the test counts
		Assumptions.assumeTrue(missing == null, missing);
		if (driver != null) {
			driver.manage().deleteAllCookies();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		quit();
	}

	/** The browser, started on first use. */
	public WebDriver driver() {
		if (driver == null) {
			start();
		}
		return driver;
	}

	private void start() {
		try {
			profile = Files.createTempDirectory("trean-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toString());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		long started = System.nanoTime();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		// Chromium keeps windows at least 500 px wide, even headless: emulate the phone's
		// screen
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
		System.out.printf("Chromium started in %d ms (%s)%n", (System.nanoTime() - started) / 1_000_000, profile);
	}

	private void quit() {
		if (driver != null) {
			try {
				driver.quit();
			}
			finally {
				driver = null;
				deleteProfile();
			}
		}
	}

	private void deleteProfile() {
		if (profile == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			System.out.println("Could not delete the Chromium profile " + profile + ": " + ex);
		}
		profile = null;
	}

	/** Waits (up to 10 s) for what htmx or a page load brings. */
	public WebDriverWait waiting() {
		return new WebDriverWait(driver(), WAIT);
	}

	/**
	 * The element, waiting (up to 10 s) for it to appear: a click on a submit button may
	 * return before the next page has loaded.
	 */
	public WebElement find(String css) {
		return waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	/** Runs a script in the page and returns its result. */
	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver()).executeScript(script, arguments);
	}

	/**
	 * The width of the page's content; more than the viewport means the user must scroll
	 * sideways.
	 */
	public long scrollWidth() {
		return ((Number) script("return document.documentElement.scrollWidth")).longValue();
	}

	public long viewportWidth() {
		return ((Number) script("return window.innerWidth")).longValue();
	}

	/**
	 * Signs in through the pages, as a person does: username and password, then a TOTP
	 * code of the test accounts' secret. Returns when the start page is shown.
	 */
	public void signIn(String base, String username) {
		enterPassword(base, username);
		enterCode(base, username);
	}

	/**
	 * The first step of signing in: opens the login page and sends the test accounts'
	 * password. Returns when the second-factor page is shown.
	 */
	public void enterPassword(String base, String username) {
		driver().get(base + "/login");
		submitPassword(username, TestAccounts.PASSWORD);
		waiting().until(ExpectedConditions.urlToBe(base + "/login/second-factor"));
	}

	/**
	 * The second step of signing in, on the second-factor page: sends a TOTP code of the
	 * test accounts' secret. Returns when the start page is shown. A code is accepted
	 * once, so a second sign-in of the same account within one 30-second step sends the
	 * next step's code, which the server accepts as clock drift of one step (as a phone a
	 * little ahead would send it); only a third sign-in within the same step waits.
	 */
	public void enterCode(String base, String username) {
		long step = LAST_CODE_STEP.merge(username, currentStep(), (last, now) -> Math.max(last + 1, now));
		while (step > currentStep() + 1) {
			pause();
		}
		submitCode(TestUserAgent.totp(TestAccounts.TOTP_SECRET, Instant.ofEpochSecond(step * 30)));
		waiting().until(ExpectedConditions.urlToBe(base + "/"));
	}

	private static long currentStep() {
		return Instant.now().getEpochSecond() / 30;
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Fills in and sends the login form of the page shown. */
	public void submitPassword(String username, String password) {
		find("#username").sendKeys(username);
		find("#password").sendKeys(password);
		find("form[action$='/login'] button[type=submit]").click();
	}

	/** Fills in and sends the second-factor form of the page shown. */
	public void submitCode(String code) {
		WebElement field = find("#code");
		field.clear();
		field.sendKeys(code);
		find("form[action$='/login/second-factor'] button[type=submit]").click();
	}

}
