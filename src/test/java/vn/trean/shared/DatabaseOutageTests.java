package vn.trean.shared;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.DataSourceBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fail-fast wrapper around the application's pool stays transparent to Boot: Flyway
 * derives its own data source from it when the migrations run under the owner's user.
 */
class DatabaseOutageTests {

	@Test
	void aDataSourceDerivedFromTheWrappedPoolIsAPoolWithTheSameAddressAndItsOwnUser() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:postgresql://db-host:5432/trean");
		pool.setUsername("trean");
		DataSource wrapped = new DatabaseOutage.FailFast(pool);

		DataSource derived = DataSourceBuilder.derivedFrom(wrapped).username("trean_owner").password("secret").build();

		assertThat(derived).isInstanceOfSatisfying(HikariDataSource.class, owner -> {
			assertThat(owner.getJdbcUrl()).isEqualTo("jdbc:postgresql://db-host:5432/trean");
			assertThat(owner.getUsername()).isEqualTo("trean_owner");
		});
		pool.close();
	}

}
