package vn.trean.cases;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.identity.Accounts;
import vn.trean.identity.CurrentUser;
import vn.trean.intake.ReportReceipt;

import static org.awaitility.Awaitility.await;

/**
 * What the case tests ask of the database the same way: the signed-in user behind a test
 * account, the case a report went into (the case work runs after commit, so this waits),
 * a case's version and reference code, and its latest clock of a step.
 */
@TestComponent
public class TestCases {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	TestCases(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	public CurrentUser user(String username) {
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
		return accounts.current(id).orElseThrow();
	}

	/** The case the report was taken into, waiting up to 10 s for the case work. */
	public CaseId caseOf(ReportReceipt receipt) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT case_id FROM case_report WHERE report_id = ?")
				.param(receipt.id().value())
				.query(UUID.class)
				.optional(), Optional::isPresent)
			.map(CaseId::new)
			.orElseThrow();
	}

	public int version(CaseId id) {
		return jdbc.sql("SELECT version FROM protection_case WHERE id = ?")
			.param(id.value())
			.query(Integer.class)
			.single();
	}

	/** The case's reference code, as its pages show it. */
	public String reference(CaseId id) {
		return jdbc.sql("SELECT reference_code FROM protection_case WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.single();
	}

	/** The latest clock of the step. */
	public CaseDeadline deadline(CaseId id, DeadlineStep step) {
		return jdbc.sql("SELECT * FROM case_deadline WHERE case_id = ? AND step = ? ORDER BY id DESC LIMIT 1")
			.param(id.value())
			.param(step.name())
			.query((rs, n) -> CaseRepository.deadline(rs))
			.single();
	}

}
