package vn.trean;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import vn.trean.directory.Sector;
import vn.trean.directory.WorkingCalendar;
import vn.trean.geography.Succession;
import vn.trean.identity.ApiPermission;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text comes from the two message bundles (Vietnamese first, English
 * second), and the bundles agree. Plain files, no Spring.
 */
class I18nMessagesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	/**
	 * Attributes a person reads or hears; they must come through Thymeleaf (th:attr,
	 * th:title, ...).
	 */
	private static final List<String> VISIBLE_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label");

	/**
	 * Elements whose body Thymeleaf replaces, so their prototype text never reaches a
	 * page.
	 */
	private static final List<String> REPLACING_ATTRIBUTES = List.of("th:text", "th:utext");

	private static final List<String> SUBSTITUTING_ATTRIBUTES = List.of("th:replace", "th:insert");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/** A literal message key in a template: #{key} or #{key(arguments)}. */
	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9._-]+)[}(]");

	@Test
	void vietnameseAndEnglishBundlesHaveTheSameKeys() {
		Properties vietnamese = bundle("messages.properties");
		Properties english = bundle("messages_en.properties");
		assertThat(vietnamese).as("messages.properties").isNotEmpty();
		Set<String> notInEnglish = new TreeSet<>(vietnamese.stringPropertyNames());
		notInEnglish.removeAll(english.stringPropertyNames());
		Set<String> notInVietnamese = new TreeSet<>(english.stringPropertyNames());
		notInVietnamese.removeAll(vietnamese.stringPropertyNames());
		assertThat(notInEnglish).as("keys of messages.properties missing from messages_en.properties").isEmpty();
		assertThat(notInVietnamese).as("keys of messages_en.properties missing from messages.properties").isEmpty();
	}

	@Test
	void noMessageIsEmpty() {
		for (String file : List.of("messages.properties", "messages_en.properties")) {
			Properties messages = bundle(file);
			Set<String> empty = new TreeSet<>();
			messages.stringPropertyNames().stream().filter(k -> messages.getProperty(k).isBlank()).forEach(empty::add);
			assertThat(empty).as("keys with an empty message in " + file).isEmpty();
		}
	}

	@Test
	void noKeyIsDefinedTwiceInABundle() {
		Pattern keyLine = Pattern.compile("^([^#!=:\\s][^=:\\s]*)\\s*[=:]");
		for (String file : List.of("messages.properties", "messages_en.properties")) {
			Map<String, Integer> seen = new TreeMap<>();
			List<String> twice = new ArrayList<>();
			List<String> lines = lines(RESOURCES.resolve(file));
			for (int i = 0; i < lines.size(); i++) {
				Matcher m = keyLine.matcher(lines.get(i));
				if (m.find() && seen.putIfAbsent(m.group(1), i + 1) != null) {
					twice.add(m.group(1) + " (lines " + seen.get(m.group(1)) + " and " + (i + 1) + ")");
				}
			}
			assertThat(twice).as("keys defined twice in " + file + " (the later one silently wins)").isEmpty();
		}
	}

	@Test
	void vietnameseBundleIsReadAsUtf8() {
		// spring.messages.encoding=UTF-8: a file saved in another encoding would show
		// mojibake
		assertThat(bundle("messages.properties").getProperty("app.name")).isEqualTo("Trẻ An");
		assertThat(bundle("messages.properties").getProperty("login.title")).isEqualTo("Đăng nhập");
	}

	@Test
	void everyMessageKeyNamedInATemplateExists() {
		Set<String> known = bundle("messages.properties").stringPropertyNames();
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher m = MESSAGE_KEY.matcher(read(template));
			while (m.find()) {
				if (!known.contains(m.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": #{" + m.group(1) + "}");
				}
			}
		}
		assertThat(missing).as("message keys used in templates but missing from messages.properties").isEmpty();
	}

	@Test
	void everyEnumShownOnAPageHasAMessage() {
		// templates build these keys at run time, e.g. #{'sector.' + ${s}}
		Set<String> known = bundle("messages.properties").stringPropertyNames();
		List<String> needed = new ArrayList<>();
		Stream.of(Sector.values()).map(s -> "sector." + s).forEach(needed::add);
		Stream.of(Role.values()).map(r -> "role." + r).forEach(needed::add);
		Stream.of(ApiPermission.values()).map(p -> "permission." + p).forEach(needed::add);
		Stream.of(Succession.Kind.values()).map(k -> "succession." + k).forEach(needed::add);
		Stream.of(WorkingCalendar.DayKind.values()).map(k -> "calendar.kind." + k).forEach(needed::add);
		Stream.of(DayOfWeek.values()).map(d -> "weekday." + d).forEach(needed::add);
		assertThat(known).containsAll(needed);
	}

	@Test
	void templatesContainNoHardCodedText() {
		List<Path> templates = templates();
		assertThat(templates).as("templates under " + TEMPLATES.toAbsolutePath()).hasSizeGreaterThan(10);
		List<String> problems = new ArrayList<>();
		for (Path template : templates) {
			problems.addAll(hardCodedText(template));
		}
		assertThat(problems).as("visible text that does not come from the message bundles").isEmpty();
	}

	@Test
	void hardCodedTextIsFound() {
		// the check above must be able to fail: a sample with each kind of mistake
		Document sample = Jsoup.parse("""
				<main>
				  <h1 th:text="#{ok}">prototype text is replaced</h1>
				  <p>Hard-coded sentence</p>
				  <p th:text="#{ok}"><b>inside replaced body</b></p>
				  <div th:replace="~{fragments :: flash}">replaced as a whole</div>
				  <button th:if="${x}">Lưu</button>
				  <input placeholder="Tìm kiếm">
				  <input th:placeholder="#{ok}">
				  <nav aria-label="Main"></nav>
				  <nav th:attr="aria-label=#{layout.nav}"></nav>
				  <span> › 42 </span>
				</main>
				""", "", Parser.htmlParser().setTrackPosition(true));
		assertThat(hardCodedText("sample.html", sample)).hasSize(4)
			.anySatisfy(p -> assertThat(p).contains("Hard-coded sentence"))
			.anySatisfy(p -> assertThat(p).contains("<button").contains("Lưu"))
			.anySatisfy(p -> assertThat(p).contains("placeholder=\"Tìm kiếm\""))
			.anySatisfy(p -> assertThat(p).contains("aria-label=\"Main\""));
	}

	private static List<String> hardCodedText(Path template) {
		Document document = Jsoup.parse(read(template), "", Parser.htmlParser().setTrackPosition(true));
		return hardCodedText(TEMPLATES.relativize(template).toString(), document);
	}

	private static List<String> hardCodedText(String file, Document document) {
		List<String> problems = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			String text = element.ownText();
			if (LETTER.matcher(text).find() && !textIsReplaced(element)) {
				problems.add(where(file, element) + " has text \"" + text.strip() + "\"");
			}
			for (Attribute attribute : element.attributes()) {
				if (VISIBLE_ATTRIBUTES.contains(attribute.getKey()) && LETTER.matcher(attribute.getValue()).find()) {
					problems
						.add(where(file, element) + " has " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
				}
			}
		}
		return problems;
	}

	/** Whether Thymeleaf puts something else in place of the element's own text. */
	private static boolean textIsReplaced(Element element) {
		if (SUBSTITUTING_ATTRIBUTES.stream().anyMatch(element::hasAttr)) {
			return true;
		}
		for (Element e = element; e != null; e = e.parent()) {
			if (REPLACING_ATTRIBUTES.stream().anyMatch(e::hasAttr)) {
				return true;
			}
		}
		return false;
	}

	private static String where(String file, Element element) {
		int line = element.sourceRange().start().lineNumber();
		String tag = element.attributes().isEmpty() ? "<" + element.tagName() + ">"
				: "<" + element.tagName() + " " + element.attributes().html().strip() + ">";
		return file + ":" + line + " " + tag;
	}

	private static List<Path> templates() {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Properties bundle(String file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
