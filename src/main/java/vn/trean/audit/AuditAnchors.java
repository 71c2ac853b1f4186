package vn.trean.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors the audit log outside its table: on a timer, once in the cluster, writes what
 * the log holds ({@link AuditAnchor}) to the log output in one greppable line,
 * {@code AUDIT-ANCHOR <time> entries=<n> anchor=<word>}, and to the anchor table. Someone
 * who can rewrite the table can also rewrite the anchor table, but not the copies the log
 * output took away; the verifier compares with the stored anchor by default and with any
 * copy it is given. Each instance runs the timer; it runs on one at a time in the cluster
 * ({@code @SchedulerLock}), and the age of the last stored anchor lets one of them write
 * per interval.
 */
@Component
public class AuditAnchors {

	private static final Logger LOG = LoggerFactory.getLogger(AuditAnchors.class);

	private final AuditLog log;

	private final JdbcClient jdbc;

	private final AuditSettings settings;

	private final Clock clock;

	AuditAnchors(AuditLog log, JdbcClient jdbc, AuditSettings settings, Clock clock) {
		this.log = log;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	// invoked on the transactional proxy
	@Scheduled(fixedDelayString = "${trean.audit.anchor-interval:15m}",
			initialDelayString = "${trean.audit.anchor-first-delay:20s}")
	@SchedulerLock(name = "audit_anchor")
	@Transactional
	public void onTimer() {
		// an anchor dated in the future (inserted by hand) must not stop the anchors
		Timestamp last = jdbc.sql("SELECT max(taken_at) FROM audit_anchor WHERE taken_at <= :now")
			.param("now", Timestamp.from(clock.instant()))
			.query(Timestamp.class)
			.list()
			.get(0);
		Instant due = clock.instant().minus(settings.anchorInterval().dividedBy(2));
		if (last == null || last.toInstant().isBefore(due)) {
			anchor();
		}
	}

	/** Takes an anchor now, stores it and writes it to the log output. */
	@Transactional
	public AuditAnchor anchor() {
		AuditAnchor anchor = log.currentAnchor();
		jdbc.sql("INSERT INTO audit_anchor (taken_at, entries, anchor) VALUES (:at, :entries, :anchor)")
			.param("at", Timestamp.from(anchor.takenAt()))
			.param("entries", anchor.entries())
			.param("anchor", anchor.word())
			.update();
		LOG.info("AUDIT-ANCHOR {} entries={} anchor={}", anchor.takenAt(), anchor.entries(), anchor.word());
		return anchor;
	}

}
