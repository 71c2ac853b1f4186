package vn.trean.referrals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.CaseId;
import vn.trean.cases.Escalation;
import vn.trean.cases.EscalationLadder;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.Notifications;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

/**
 * Turns a referral's running clocks into alerts on the cases' {@link EscalationLadder}
 * (one setting governs both): due soon tells the agency's focal point who accepted it
 * (every focal point before an answer); overdue adds the agency's head and the case's
 * officer; still overdue after the configured time adds the provincial managers of the
 * case's province and of the agency's. As for a case's clocks, the timer runs on one
 * instance at a time, a pass holds an advisory lock, and each step is a conditional
 * update of the clock's level, so every alert is raised once in the cluster.
 */
@Component
public class ReferralEscalation {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final EscalationLadder ladder;

	private final ReferralRecipients recipients;

	private final Accounts accounts;

	private final Geography geography;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReferralEscalation(JdbcClient jdbc, EscalationLadder ladder, ReferralRecipients recipients, Accounts accounts,
			Geography geography, Notifications notifications, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.ladder = ladder;
		this.recipients = recipients;
		this.accounts = accounts;
		this.geography = geography;
		this.notifications = notifications;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${trean.referrals.escalation-interval:60s}", initialDelayString = "40s")
	@SchedulerLock(name = "referral_deadline_escalation")
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
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('referral_deadline_pass'))").query().singleValue();
		Instant now = clock.instant();
		int raised = 0;
		for (EscalationLadder.Rung rung : ladder.rungs(now)) {
			for (Due d : due(rung)) {
				if (raise(d, rung, now)) {
					raised++;
				}
			}
		}
		return raised;
	}

	private record Due(long deadlineId, ReferralId referral, String code, Referral.Clock clock, Instant dueAt,
			UUID caseId, UnitId unit, AgencyId agency, UnitId agencyUnit, @Nullable Long acceptedBy) {
	}

	/** The running clocks of open referrals the rung raises, the earliest due first. */
	private List<Due> due(EscalationLadder.Rung rung) {
		return rung.bind(jdbc.sql("""
				SELECT d.id, d.referral_id, r.reference_code, d.clock, d.due_at, r.case_id, r.unit_id, r.agency_id,
				  r.agency_unit_id, CASE WHEN r.state = 'SENT' THEN NULL ELSE r.answered_by END AS accepted_by
				FROM referral_deadline d JOIN referral r ON r.id = d.referral_id
				WHERE d.met_at IS NULL AND r.state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS') AND %s
				ORDER BY d.due_at LIMIT :batch""".formatted(rung.condition("d"))))
			.param("batch", BATCH)
			.query((rs, n) -> new Due(rs.getLong("id"), new ReferralId(rs.getObject("referral_id", UUID.class)),
					rs.getString("reference_code"), Referral.Clock.valueOf(rs.getString("clock")),
					rs.getTimestamp("due_at").toInstant(), rs.getObject("case_id", UUID.class),
					new UnitId(rs.getLong("unit_id")), new AgencyId(rs.getLong("agency_id")),
					new UnitId(rs.getLong("agency_unit_id")), rs.getObject("accepted_by", Long.class)))
			.list();
	}

	private boolean raise(Due d, EscalationLadder.Rung rung, Instant now) {
		Escalation to = rung.to();
		int claimed = jdbc.sql("""
				UPDATE referral_deadline d SET escalation = :to, escalated_at = :now
				WHERE d.id = :id AND d.met_at IS NULL AND %s""".formatted(rung.levels("d")))
			.param("to", to.name())
			.param("now", Timestamp.from(now))
			.param("id", d.deadlineId())
			.update();
		if (claimed == 0) {
			return false;
		}
		Set<Long> users = recipientsOf(d, to);
		notifications.send(users,
				new Notifications.Draft("notification.kind." + to.name().toLowerCase(java.util.Locale.ROOT),
						"referral.clock." + d.clock(), d.code(), "/referrals/" + d.referral(),
						"referral-deadline:" + d.deadlineId() + ":" + to));
		if (to == Escalation.OVERDUE) {
			events.publishEvent(new ReferralAudit("system", "REFERRAL_DEADLINE_MISSED", d.referral().toString(), null,
					d.clock() + " due " + d.dueAt(), now));
		}
		events.publishEvent(
				new ReferralDeadlineEscalated(d.referral(), d.deadlineId(), d.clock(), to, List.copyOf(users)));
		return true;
	}

	private Set<Long> recipientsOf(Due d, Escalation level) {
		Set<Long> users = new LinkedHashSet<>();
		if (d.acceptedBy() != null) {
			users.add(d.acceptedBy());
		}
		else {
			accounts.ofAgency(d.agency(), EnumSet.of(Role.AGENCY_FOCAL_POINT)).forEach(r -> users.add(r.userId()));
		}
		if (level == Escalation.OVERDUE || level == Escalation.PROVINCE) {
			users.addAll(recipients.agency(d.agency()));
			users.addAll(recipients.sender(new CaseId(d.caseId())));
		}
		if (level == Escalation.PROVINCE) {
			Set<UnitId> provinces = new LinkedHashSet<>(
					List.of(geography.provinceOf(d.unit()), geography.provinceOf(d.agencyUnit())));
			for (UnitId province : provinces) {
				accounts.actingOn(province, EnumSet.of(Role.PROVINCIAL_MANAGER)).forEach(r -> users.add(r.userId()));
			}
		}
		return users;
	}

}
