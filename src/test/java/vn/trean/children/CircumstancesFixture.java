package vn.trean.children;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;
import vn.trean.shared.Time;
import vn.trean.shared.WebShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the special-circumstances tests share: a girl of Cái Khế registered with her birth
 * date, its officers signed in, the page's address and the database's counts.
 */
class CircumstancesFixture {

	private final int port;

	private final TestAccounts accounts;

	private final TestUnits units;

	private final ChildRegistry registry;

	private final TestClock clock;

	private final MessageSource messages;

	final JdbcClient jdbc;

	CircumstancesFixture(int port, ApplicationContext context) {
		this.port = port;
		this.accounts = context.getBean(TestAccounts.class);
		this.units = context.getBean(TestUnits.class);
		this.registry = context.getBean(ChildRegistry.class);
		this.clock = context.getBean(TestClock.class);
		this.messages = context.getBean(MessageSource.class);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	/** A girl living in the commune given, born on that day. */
	Child girlOf(String unitCode, LocalDate born) {
		ChildId id = registry.register(new ChildDetails("Đặng Thị Hoa " + System.nanoTime() % 10000, Sex.FEMALE, born,
				null, null, units.id(unitCode), null, null, null), false);
		return registry.find(id).orElseThrow();
	}

	/** A new account of that role in the commune, signed in. */
	TestUserAgent signedIn(Role role, String unitCode) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(accounts.create(role, unitCode)).location()).endsWith("/");
		agent.get("/");
		return agent;
	}

	static String page(Child child) {
		return "/children/" + child.reference() + "/circumstances";
	}

	/** Posts one of the page's forms, after reading the page as a user would. */
	static TestUserAgent.Response post(TestUserAgent agent, Child child, String form, Map<String, String> fields) {
		agent.get(page(child));
		return agent.post(page(child) + form, fields);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

	/** The Vietnamese text of a message. */
	String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, WebShell.VIETNAMESE);
	}

	/** The text a page shows, without its markup. */
	static String text(TestUserAgent.Response response) {
		return org.jsoup.Jsoup.parse(response.body()).text();
	}

	long count(String sql, Object... params) {
		var spec = jdbc.sql(sql);
		for (Object param : params) {
			spec = spec.param(param);
		}
		return spec.query(Long.class).single();
	}

	long entries(Child child) {
		return count("SELECT count(*) FROM circumstance_entry WHERE child_id = ?", child.id().value());
	}

	long entryVersions(Child child) {
		return count("""
				SELECT count(*) FROM circumstance_entry_version v JOIN circumstance_entry e ON e.id = v.entry_id
				WHERE e.child_id = ?""", child.id().value());
	}

	long audited(String action, Child child) {
		return count("SELECT count(*) FROM audit_entry WHERE action = ? AND target_type = 'CHILD' AND target_id = ?",
				action, child.id().toString());
	}

	long onlyEntryOf(Child child) {
		return count("SELECT id FROM circumstance_entry WHERE child_id = ?", child.id().value());
	}

}
