package vn.trean.identity;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.trean.geography.Geography;
import vn.trean.shared.Verdict;

/**
 * The production bootstrap: on an installation without any account, creates the first
 * system administrator from {@code TREAN_BOOTSTRAP_ADMIN_USERNAME}, {@code _PASSWORD} and
 * {@code _JURISDICTION} (a province code). That administrator must set a new password and
 * enrol the second factor at first sign-in. Once any account exists this does nothing.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Bootstrap bootstrap;

	private final Accounts accounts;

	private final Geography geography;

	FirstAdministrator(Bootstrap bootstrap, Accounts accounts, Geography geography) {
		this.bootstrap = bootstrap;
		this.accounts = accounts;
		this.geography = geography;
	}

	/**
	 * The first administrator's account, given once through the environment.
	 *
	 * @param username {@code TREAN_BOOTSTRAP_ADMIN_USERNAME}
	 * @param password {@code TREAN_BOOTSTRAP_ADMIN_PASSWORD}, must pass the password
	 * policy
	 * @param jurisdiction {@code TREAN_BOOTSTRAP_ADMIN_JURISDICTION}, a province code
	 * such as 92
	 */
	@ConfigurationProperties("trean.bootstrap.admin")
	record Bootstrap(String username, String password, String jurisdiction) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (bootstrap.username() == null || bootstrap.username().isBlank() || accounts.anyAccountExists()) {
			return;
		}
		var unit = geography.unitByCode(String.valueOf(bootstrap.jurisdiction()), geography.today())
			.orElseThrow(() -> new IllegalStateException(
					"TREAN_BOOTSTRAP_ADMIN_JURISDICTION must be the code of a unit in force today, e.g. 92"));
		Verdict<Void> policy = PasswordPolicy.check(bootstrap.password(), bootstrap.username());
		if (!policy.allowed()) {
			throw new IllegalStateException(
					"TREAN_BOOTSTRAP_ADMIN_PASSWORD is refused by the password policy: " + policy.reason());
		}
		accounts.provision(new Accounts.AccountDetails(bootstrap.username(), "Quản trị hệ thống", null, unit.id(), null,
				EnumSet.of(Role.SYSTEM_ADMINISTRATOR), true), bootstrap.password(), false, true, null);
		log.info("Created the first administrator '{}' for {}; they must change the password and enrol a second "
				+ "factor at first sign-in", bootstrap.username(), unit.fullName());
	}

}
