package vn.trean.cases;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.identity.Accounts;
import vn.trean.identity.Notifications;
import vn.trean.identity.Role;

/**
 * The cases' entries in the notification list, written in the transaction of what they
 * tell: each alert of an escalated clock, and a decision that starts waiting for the
 * commune's chairs. Each links to the page its work-queue item links to.
 */
@Component
class CaseNotifications {

	private final Notifications notifications;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseNotifications(Notifications notifications, Accounts accounts, JdbcClient jdbc, Clock clock) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void on(DecisionAwaited event) {
		List<Long> chairs = accounts.actingOn(event.unit(), EnumSet.of(Role.COMMUNE_CHAIR))
			.stream()
			.map(Accounts.Recipient::userId)
			.toList();
		notifications.send(chairs,
				new Notifications.Draft("notification.kind.decision-waiting", event.decision().stepKey(),
						referenceOf(event.caseId()), event.decision().link(event.caseId()),
						"decision:" + event.caseId() + ":" + event.decision() + ":" + clock.millis()));
	}

	@EventListener
	void on(DeadlineEscalated event) {
		String eventKey = "deadline:"
				+ (event.deadlineId() != null ? event.deadlineId() : event.caseId() + ":" + event.step()) + ":"
				+ event.level();
		notifications.send(event.recipients(),
				new Notifications.Draft("notification.kind." + event.level().name().toLowerCase(Locale.ROOT),
						CaseLinks.stepKey(event.step()), referenceOf(event.caseId()),
						CaseLinks.of(event.caseId(), event.step()), eventKey));
	}

	private String referenceOf(CaseId id) {
		return jdbc.sql("SELECT reference_code FROM protection_case WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
	}

}
