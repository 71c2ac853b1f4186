package vn.trean.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import vn.trean.ModuleTest;
import vn.trean.TestActors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log with the modules it depends on. Identity, which the audit pages authorize
 * with, itself needs geography and the directory's agency lookup, so those two come
 * along.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "geography", "directory" })
@ModuleTest
class AuditModuleTests {

	@Autowired
	AuditLog log;

	@Test
	void appendsAnEntryToTheChainAndTheChainStaysIntact() {
		String actor = "audit-module-test-" + System.nanoTime();

		log.recordAccess(TestActors.named(actor, "192.0.2.7"), "TEST_RECORD", "42", null);

		assertThat(log.latest(actor, "RECORD_VIEWED", 0, 10).items()).singleElement().satisfies(entry -> {
			assertThat(entry.targetId()).isEqualTo("42");
			assertThat(entry.clientAddress()).isEqualTo("192.0.2.7");
			assertThat(entry.hash()).isNotBlank();
		});
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void verificationNamesTheEntryTheOwnerRewrote() throws Exception {
		for (int i = 0; i < 20; i++) {
			// more entries than one per chain: at least one chain holds two
			log.recordAccess(TestActors.named("audit-module-test", null), "TEST_RECORD", String.valueOf(i), null);
		}
		try (AuditTampering owner = AuditTampering.ofAChainWithAtLeast(2)) {
			long id = owner.rewriteNewestWithRecomputedSha256("[đã sửa]", false);

			ChainVerification tampered = log.verify();

			assertThat(tampered.intact()).isFalse();
			assertThat(tampered.firstBrokenId()).isEqualTo(id);
		}
		assertThat(log.verify().intact()).isTrue();
	}

}
