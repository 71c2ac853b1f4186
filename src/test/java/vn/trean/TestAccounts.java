package vn.trean;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;

import vn.trean.identity.Accounts;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

/**
 * Creates fresh accounts for one test each (so lockouts and used TOTP steps of one test
 * never touch another). All share one password and one TOTP secret.
 */
@TestComponent
public class TestAccounts {

	public static final String PASSWORD = "Kiem-thu-mat-khau-2026";

	public static final String TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Accounts accounts;

	private final TestUnits testUnits;

	TestAccounts(Accounts accounts, TestUnits testUnits) {
		this.accounts = accounts;
		this.testUnits = testUnits;
	}

	/** A new enrolled account with the role, acting on the unit with that code today. */
	public String create(Role role, String unitCode) {
		return create(role, unitCode, null, true);
	}

	public String create(Role role, String unitCode, AgencyId agency, boolean enrolled) {
		String username = "t" + System.nanoTime() % 1_000_000 + "." + SEQUENCE.incrementAndGet() + "."
				+ role.name().toLowerCase().replace('_', '-');
		var unit = testUnits.unit(unitCode);
		accounts.provision(new Accounts.AccountDetails(username, "Người kiểm thử " + role, null, unit.id(), agency,
				EnumSet.of(role), true), PASSWORD, false, false, enrolled ? TOTP_SECRET : null);
		return username;
	}

}
