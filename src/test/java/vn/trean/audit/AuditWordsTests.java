package vn.trean.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action code and target type the code base can write to the audit log has words in
 * both languages, so the audit page never shows a raw code for an entry written today.
 * <p>
 * The codes come from the enum {@code cases.CaseAuditAction} (by reflection) and from a
 * scan of {@code src/main/java}: the upper-case literals inside the statements that
 * publish or append an audit entry ({@code publishEvent(...)}, {@code audit(...)},
 * {@code auditAs(...)}, {@code append(...)}; a register's change suffix alone is not a
 * code), the literals returned by an event's {@code action()} or {@code targetType()},
 * the registers' codes composed as {@code <REGISTER>_<CHANGE>}, the plans' import codes
 * {@code PLAN_<KIND>_IMPORTED}, and the target types given to {@code recordAccess} or
 * named by a register's {@code REGISTER} constant.
 */
class AuditWordsTests {

	private static final Path SOURCES = Path.of("src/main/java/vn/trean");

	private static final Pattern CODE = Pattern.compile("\"([A-Z]+(?:_[A-Z]+)+)\"");

	private static final Pattern AUDIT_STATEMENT = Pattern
		.compile("(?:publishEvent|\\baudit|\\bauditAs|\\bappend)\\((.*?)\\);", Pattern.DOTALL);

	private static final Pattern RETURNED_ACTION = Pattern.compile("action\\(\\)\\s*\\{[^}]*?return \"([A-Z_]+)\"",
			Pattern.DOTALL);

	private static final Pattern RETURNED_TARGET = Pattern.compile("targetType\\(\\)\\s*\\{[^}]*?return \"([A-Z_]+)\"",
			Pattern.DOTALL);

	private static final Pattern REGISTER = Pattern.compile("REGISTER = \"([A-Z_]+)\"");

	private static final Pattern REGISTER_CHANGE = Pattern
		.compile("registers\\.audit\\(actor, REGISTER, \"([A-Z_]+)\"");

	private static final Pattern ACCESS_TARGET = Pattern
		.compile("(?:recordAccess\\(actor, |new AccessRefused\\([^;]*?)\"([A-Z_]+)\"", Pattern.DOTALL);

	private static final Set<String> OUTCOMES = Set.of("SUCCESS", "FAILURE", "DENIED");

	@Test
	void everyActionCodeTheCodeBaseWritesHasWordsInBothLanguages() throws Exception {
		Set<String> actions = actions();

		assertThat(actions).as("the scan still finds the codes of every module")
			.contains("LOGIN_FAILED", "CASE_CLOSE", "RECORD_VIEWED", "FACILITY_CHECKED", "WORKFORCE_MEMBER_ADDED",
					"FACILITY_CHECK_DELETED", "PLAN_TARGETS_IMPORTED", "PLAN_PROGRESS_EXPORT_REQUESTED",
					"PLAN_REPORT_SAVED", "DEMO_AGENCY_REGISTERED", "CALENDAR_DAY_REMOVED");
		assertThat(missing("audit.action.", actions, "messages.properties")).isEmpty();
		assertThat(missing("audit.action.", actions, "messages_en.properties")).isEmpty();
	}

	@Test
	void everyTargetTypeTheCodeBaseWritesHasWordsInBothLanguages() {
		Set<String> targets = targets();

		assertThat(targets).as("the scan still finds the target types of every module")
			.contains("USER", "API_TOKEN", "CASE", "REPORT", "CHILD", "FACILITY", "PLAN", "PLAN_REPORT", "AGENCY");
		assertThat(missing("audit.target.", targets, "messages.properties")).isEmpty();
		assertThat(missing("audit.target.", targets, "messages_en.properties")).isEmpty();
	}

	private static Set<String> actions() throws ClassNotFoundException {
		Set<String> codes = new TreeSet<>();
		Set<String> changes = new TreeSet<>();
		for (String type : new String[] { "vn.trean.cases.CaseAuditAction",
				"vn.trean.referrals.ReferralAuditAction" }) {
			Arrays.stream(Class.forName(type).getEnumConstants())
				.forEach(action -> codes.add(((Enum<?>) action).name()));
		}
		for (String source : sources()) {
			Matcher statement = AUDIT_STATEMENT.matcher(source);
			while (statement.find()) {
				addAll(codes, CODE.matcher(statement.group(1)));
			}
			addAll(codes, RETURNED_ACTION.matcher(source));
			Matcher register = REGISTER.matcher(source);
			if (register.find()) {
				for (MatchResult change : REGISTER_CHANGE.matcher(source).results().toList()) {
					changes.add(change.group(1));
					codes.add(register.group(1) + "_" + change.group(1));
				}
			}
		}
		Arrays.stream(Class.forName("vn.trean.plans.PlanImports$Kind").getEnumConstants())
			.forEach(kind -> codes.add("PLAN_" + kind + "_IMPORTED"));
		codes.removeAll(changes);
		codes.removeAll(OUTCOMES);
		codes.removeAll(targets());
		return codes;
	}

	private static Set<String> targets() {
		Set<String> types = new TreeSet<>();
		for (String source : sources()) {
			addAll(types, RETURNED_TARGET.matcher(source));
			addAll(types, REGISTER.matcher(source));
			addAll(types, ACCESS_TARGET.matcher(source));
		}
		return types;
	}

	private static void addAll(Set<String> into, Matcher matcher) {
		matcher.results().forEach(match -> into.add(match.group(1)));
	}

	private static Set<String> missing(String prefix, Set<String> codes, String bundle) {
		Properties messages = new Properties();
		try (InputStream in = AuditWordsTests.class.getResourceAsStream("/" + bundle)) {
			messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Set<String> missing = new TreeSet<>();
		codes.stream().filter(code -> !messages.containsKey(prefix + code)).forEach(missing::add);
		return missing;
	}

	private static java.util.List<String> sources() {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(file -> file.toString().endsWith(".java")).map(AuditWordsTests::read).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
