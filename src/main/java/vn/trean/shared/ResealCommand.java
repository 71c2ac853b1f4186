package vn.trean.shared;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command-line re-encryption of everything stored under a {@link Keyring} (the
 * second-factor secrets, the case attachments, the special-circumstance evidence files)
 * with the current key:
 * {@code java -jar tre-an.jar --spring.main.web-application-type=none --reseal-secrets}.
 * Run it after making a new key current (the old one among the retired keys); once it
 * reports nothing left under an old key, that key can be removed from the retired keys.
 * It may run while the application serves, as often as wanted: each batch commits on its
 * own and values already under the current key are left alone, so an interrupted run is
 * finished by running it again. Exits 0 when everything is under the current key, 3 when
 * a value could not be opened (the message names the key it needs).
 */
@Component
@Order(90)
class ResealCommand implements ApplicationRunner, ExitCodeGenerator {

	/** The command-line option that asks for the re-encryption. */
	static final String OPTION = "reseal-secrets";

	static final int FAILED = 3;

	private static final int BATCH = 50;

	private final List<SealedStore> stores;

	private int exitCode;

	ResealCommand(List<SealedStore> stores) {
		this.stores = stores;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption(OPTION)) {
			exitCode = resealAll() ? 0 : FAILED;
		}
	}

	/** Moves every store to its current key; false when a value could not be opened. */
	boolean resealAll() {
		for (SealedStore store : stores) {
			long moved = 0;
			try {
				for (int batch = store.resealNext(BATCH); batch > 0; batch = store.resealNext(BATCH)) {
					moved += batch;
				}
			}
			catch (IllegalStateException ex) {
				System.out.println(store.name() + ": STOPPED after " + moved + " re-encrypted: " + ex.getMessage());
				return false;
			}
			System.out.println(store.name() + ": " + moved + " re-encrypted, all under key " + store.currentKeyId());
		}
		return true;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
