package vn.trean.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command-line check of the audit chain:
 * {@code java -jar tre-an.jar --spring.main.web-application-type=none --verify-audit-chain}.
 * Prints the result; the process exits 0 when the chain is intact, 3 when it is broken.
 */
@Component
@Order(100)
class AuditChainCommand implements ApplicationRunner, ExitCodeGenerator {

	/** The command-line option that asks for the check. */
	static final String OPTION = "verify-audit-chain";

	static final int BROKEN = 3;

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
		ChainVerification result = log.verify();
		if (result.intact()) {
			System.out.println("Audit chain intact: " + result.rowsChecked() + " entries checked.");
		}
		else {
			System.out.println("Audit chain BROKEN at entry " + result.firstBrokenId() + " (" + result.problem()
					+ " does not match).");
		}
		exitCode = result.intact() ? 0 : BROKEN;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
