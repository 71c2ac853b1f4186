package vn.trean.shared;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the timers, and makes a timer annotated {@code @SchedulerLock(name = ...)} run
 * on one instance of the cluster at a time (ShedLock): the instance whose timer fires
 * first takes the lock row of that name in the {@code shedlock} table and runs the job;
 * the others skip that turn. A lock lapses after its {@code lockAtMostFor} (default 10
 * minutes) if its instance stopped without releasing it. Lock times are the database's,
 * so the instances' clocks need not agree. The lock is taken before the job's transaction
 * begins and released after it has committed.
 *
 * <p>
 * Only the scheduling moves here: advisory locks that protect data (one child per
 * personal id, the audit chain, one pass over the case deadlines at a time) stay where
 * the data is changed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", order = Ordered.HIGHEST_PRECEDENCE)
class ClusterTimers {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
