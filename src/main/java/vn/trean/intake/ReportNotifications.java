package vn.trean.intake;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.trean.identity.Accounts;
import vn.trean.identity.Notices;
import vn.trean.identity.Role;

/**
 * Tells the routed unit's officers and chair (the provincial managers, for reports routed
 * to the province) that a report arrived: in the application, in the report's own
 * transaction (a report is never without its notices, and they need neither a transaction
 * nor a persisted publication of their own), and by e-mail when SMTP is configured: the
 * e-mail is queued in the same transaction ({@code MailOutbox}) and sent, retried until
 * it goes, by the outbox. The e-mail carries only a link, never a name or a detail.
 */
@Component
class ReportNotifications {

	private final Accounts accounts;

	private final ReportNotificationStore notifications;

	private final Notices notices;

	private final Clock clock;

	ReportNotifications(Accounts accounts, ReportNotificationStore notifications, Notices notices, Clock clock) {
		this.accounts = accounts;
		this.notifications = notifications;
		this.notices = notices;
		this.clock = clock;
	}

	@EventListener
	void on(ReportReceived event) {
		List<Long> recipients = accounts
			.actingOn(event.routedTo(), EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIR, Role.PROVINCIAL_MANAGER))
			.stream()
			.map(Accounts.Recipient::userId)
			.toList();
		notifications.notify(recipients, event.reportId(), clock.instant());
		notices.mailLink("report:" + event.reportId(), recipients, subject(event),
				"Trẻ An: có một thông báo mới cần xử lý / a new report needs action.",
				"/intake/reports/" + event.reportId());
	}

	static String subject(ReportReceived event) {
		return switch (event.urgency()) {
			case EMERGENCY -> "[KHẨN CẤP / EMERGENCY] Trẻ An";
			case HIGH -> "[CAO / HIGH] Trẻ An";
			case NORMAL -> "Trẻ An";
		};
	}

}
