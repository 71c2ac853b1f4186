package vn.trean.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.Role;

/**
 * Turns the clocks into alerts: a deadline due soon warns the assigned officer; a passed
 * one tells the officer and the commune chair and publishes {@link DeadlineMissed}; one
 * still overdue after the configured time tells the provincial authority (the levels are
 * the {@link EscalationLadder}'s). The timer runs on one instance at a time in the
 * cluster ({@code @SchedulerLock}); a pass started by other means ({@link #run()}) waits
 * for one in progress (a PostgreSQL advisory lock over the deadlines, so two passes never
 * lock the same rows in different orders), and each step is a conditional update of the
 * deadline's escalation level, so every alert is raised exactly once in the cluster.
 */
@Component
public class DeadlineEscalation {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Geography geography;

	private final ApplicationEventPublisher events;

	private final EscalationLadder ladder;

	private final Clock clock;

	DeadlineEscalation(JdbcClient jdbc, Accounts accounts, Geography geography, ApplicationEventPublisher events,
			EscalationLadder ladder, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.geography = geography;
		this.events = events;
		this.ladder = ladder;
		this.clock = clock;
	}

	// invoked on the transactional proxy, like run(): one transaction per pass
	@Scheduled(fixedDelayString = "${trean.cases.escalation-interval:60s}", initialDelayString = "30s")
	@SchedulerLock(name = "case_deadline_escalation")
	@Transactional
	public void onTimer() {
		pass();
	}

	/** One pass over the running clocks; returns how many alerts were raised. */
	@Transactional
	public int run() {
		return pass();
	}

	private int pass() {
		// one pass over the deadlines at a time, the timer's or run()'s; a pass that
		// waited
		// finds the work done
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('case_deadline_pass'))").query().singleValue();
		Instant now = clock.instant();
		int raised = 0;
		for (EscalationLadder.Rung rung : ladder.rungs(now)) {
			raised += escalate(rung, now);
		}
		return raised;
	}

	private record Due(long deadlineId, UUID caseId, DeadlineStep step, Instant dueAt, UnitId unit, Long officer) {
	}

	private int escalate(EscalationLadder.Rung rung, Instant now) {
		int raised = 0;
		for (Due d : due(rung)) {
			if (raise(d, rung, now)) {
				raised++;
			}
		}
		return raised;
	}

	/** The running clocks the rung raises, the earliest due first. */
	private List<Due> due(EscalationLadder.Rung rung) {
		return rung.bind(jdbc.sql("""
				SELECT d.id, d.case_id, d.step, d.due_at, p.unit_id, p.assigned_officer_id
				FROM case_deadline d JOIN protection_case p ON p.id = d.case_id
				WHERE d.met_at IS NULL AND %s
				ORDER BY d.due_at LIMIT :batch""".formatted(rung.condition("d"))))
			.param("batch", BATCH)
			.query((rs, n) -> {
				long officer = rs.getLong("assigned_officer_id");
				Long assigned = rs.wasNull() ? null : officer;
				return new Due(rs.getLong("id"), rs.getObject("case_id", UUID.class),
						DeadlineStep.valueOf(rs.getString("step")), rs.getTimestamp("due_at").toInstant(),
						new UnitId(rs.getLong("unit_id")), assigned);
			})
			.list();
	}

	/**
	 * Raises the deadline to the level, unless another pass already did; whether this one
	 * raised it.
	 */
	private boolean raise(Due d, EscalationLadder.Rung rung, Instant now) {
		Escalation to = rung.to();
		int claimed = jdbc.sql("""
				UPDATE case_deadline d SET escalation = :to, escalated_at = :now
				WHERE d.id = :id AND d.met_at IS NULL AND %s""".formatted(rung.levels("d")))
			.param("to", to.name())
			.param("now", Timestamp.from(now))
			.param("id", d.deadlineId())
			.update();
		if (claimed == 0) {
			return false;
		}
		Set<Long> recipients = recipients(d, to);
		alert(recipients, d, to, now);
		if (to == Escalation.OVERDUE) {
			events.publishEvent(new DeadlineMissed(new CaseId(d.caseId()), d.unit(), d.step(), d.dueAt()));
			events.publishEvent(new CaseAudit("system", "CASE_DEADLINE_MISSED", d.caseId().toString(), null,
					d.step() + " due " + d.dueAt(), now));
		}
		events.publishEvent(
				new DeadlineEscalated(new CaseId(d.caseId()), d.step(), to, List.copyOf(recipients), d.deadlineId()));
		return true;
	}

	private void alert(Set<Long> recipients, Due d, Escalation to, Instant now) {
		for (long user : recipients) {
			jdbc.sql("""
					INSERT INTO case_alert (user_id, case_id, deadline_id, level, created_at)
					VALUES (:user, :case, :deadline, :level, :now) ON CONFLICT DO NOTHING""")
				.param("user", user)
				.param("case", d.caseId())
				.param("deadline", d.deadlineId())
				.param("level", to.name())
				.param("now", Timestamp.from(now))
				.update();
		}
	}

	private Set<Long> recipients(Due d, Escalation level) {
		Set<Long> users = new LinkedHashSet<>();
		if (d.officer() != null) {
			users.add(d.officer());
		}
		else {
			accounts.actingOn(d.unit(), EnumSet.of(Role.COMMUNE_OFFICER)).forEach(r -> users.add(r.userId()));
		}
		if (level == Escalation.OVERDUE || level == Escalation.PROVINCE) {
			accounts.actingOn(d.unit(), EnumSet.of(Role.COMMUNE_CHAIR)).forEach(r -> users.add(r.userId()));
		}
		if (level == Escalation.PROVINCE) {
			UnitId province = geography.provinceOf(d.unit());
			accounts.actingOn(province, EnumSet.of(Role.PROVINCIAL_MANAGER)).forEach(r -> users.add(r.userId()));
		}
		return users;
	}

}
