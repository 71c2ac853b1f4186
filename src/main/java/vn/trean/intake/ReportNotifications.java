package vn.trean.intake;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.trean.identity.Accounts;
import vn.trean.identity.Notices;
import vn.trean.identity.Role;

/**
 * Tells the routed unit's officers and chair (the provincial managers, for reports routed
 * to the province) that a report arrived: in the application, in the report's own
 * transaction (a report is never without its notices, and they need neither a transaction
 * nor a persisted publication of their own), and by e-mail when SMTP is configured, once
 * the report committed, from a worker thread, as best effort as sending always is (a
 * failed send is logged). The e-mail carries only a link, never a name or a detail.
 */
@Component
class ReportNotifications {

	private final Accounts accounts;

	private final ReportRepository reports;

	private final Notices notices;

	private final Clock clock;

	private final Executor mailer;

	ReportNotifications(Accounts accounts, ReportRepository reports, Notices notices, Clock clock,
			@Qualifier("applicationTaskExecutor") Executor mailer) {
		this.accounts = accounts;
		this.reports = reports;
		this.notices = notices;
		this.clock = clock;
		this.mailer = mailer;
	}

	@EventListener
	void on(ReportReceived event) {
		List<Long> recipients = accounts
			.actingOn(event.routedTo(), EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIR, Role.PROVINCIAL_MANAGER))
			.stream()
			.map(Accounts.Recipient::userId)
			.toList();
		reports.notify(recipients, event.reportId(), clock.instant());
		Runnable mail = () -> notices.mailLink(recipients, subject(event),
				"Trẻ An: có một thông báo mới cần xử lý / a new report needs action.",
				"/intake/reports/" + event.reportId());
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			mailer.execute(mail);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				mailer.execute(mail);
			}

		});
	}

	static String subject(ReportReceived event) {
		return switch (event.urgency()) {
			case EMERGENCY -> "[KHẨN CẤP / EMERGENCY] Trẻ An";
			case HIGH -> "[CAO / HIGH] Trẻ An";
			case NORMAL -> "Trẻ An";
		};
	}

}
