package vn.trean.audit;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command-line check of the audit chain:
 * {@code java -jar tre-an.jar --spring.main.web-application-type=none --verify-audit-chain [--audit-anchor=<word>]}.
 * Compares with the given anchor (a copy from the log output), else with the latest
 * stored one; prints the result and the anchor of the log as it is now; the process exits
 * 0 when the log is intact, 3 when it is broken or cut, 2 when the anchor given is not
 * one.
 */
@Component
@Order(100)
class AuditChainCommand implements ApplicationRunner, ExitCodeGenerator {

	/** The command-line option that asks for the check. */
	static final String OPTION = "verify-audit-chain";

	/** The option that gives the anchor to compare with. */
	static final String ANCHOR = "audit-anchor";

	static final int BROKEN = 3;

	static final int BAD_ANCHOR = 2;

	private final AuditLog log;

	private int exitCode;

	AuditChainCommand(AuditLog log) {
		this.log = log;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(OPTION)) {
			return;
		}
		ChainVerification result;
		List<String> given = args.getOptionValues(ANCHOR);
		if (given != null && !given.isEmpty()) {
			try {
				result = log.verify(AuditAnchor.parse(given.get(given.size() - 1)));
			}
			catch (IllegalArgumentException ex) {
				System.out.println("Audit anchor not understood: expected the word after 'anchor=' in an "
						+ "AUDIT-ANCHOR line of the log output.");
				exitCode = BAD_ANCHOR;
				return;
			}
		}
		else {
			result = log.verify();
		}
		System.out.println(describe(result));
		System.out.println("Audit anchor now: " + log.currentAnchor().word());
		exitCode = result.intact() ? 0 : BROKEN;
	}

	static String describe(ChainVerification result) {
		AuditAnchor anchor = result.anchor();
		String against = anchor == null ? " No anchor to compare with."
				: " Compared with the anchor of " + anchor.takenAt() + " (" + anchor.entries() + " entries).";
		if (result.intact()) {
			return "Audit chain intact: " + result.rowsChecked() + " entries checked (" + result.legacyRows()
					+ " from before the keyed chain, by plain SHA-256)." + against;
		}
		return switch (result.problem()) {
			case "truncated" -> "Audit chain BROKEN: TRUNCATED, none of the " + anchor.entries()
					+ " entries of the anchor of " + anchor.takenAt() + " is left.";
			case "missing" -> "Audit chain BROKEN: TAIL CUT, the anchor of " + anchor.takenAt() + " counted "
					+ anchor.entries() + " entries, " + result.anchoredFound() + " of them are left (chain of entry "
					+ result.firstBrokenId() + ").";
			case "form" -> "Audit chain BROKEN: the record of where the keyed chain began was added to outside "
					+ "the application.";
			case "anchor" -> "Audit chain BROKEN at entry " + result.firstBrokenId()
					+ " (its hash differs from the anchor of " + anchor.takenAt() + ").";
			default ->
				"Audit chain BROKEN at entry " + result.firstBrokenId() + " (" + result.problem() + " does not match).";
		};
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
