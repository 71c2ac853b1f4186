package vn.trean.intake;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.trean.identity.Accounts;
import vn.trean.identity.Notices;
import vn.trean.identity.Role;

/**
 * Tells the routed unit's officers and chair (the provincial managers, for reports routed
 * to the province) that a report arrived: in the application, and by e-mail when SMTP is
 * configured. The e-mail carries only a link, never a name or a detail. Runs after the
 * report committed, from the persisted event, so a crash does not lose the notice.
 */
@Component
class ReportNotifications {

	private final Accounts accounts;

	private final ReportRepository reports;

	private final Notices notices;

	private final Clock clock;

	ReportNotifications(Accounts accounts, ReportRepository reports, Notices notices, Clock clock) {
		this.accounts = accounts;
		this.reports = reports;
		this.notices = notices;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ReportReceived event) {
		List<Long> recipients = accounts
			.actingOn(event.routedTo(), EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIR, Role.PROVINCIAL_MANAGER))
			.stream()
			.map(Accounts.Recipient::userId)
			.toList();
		reports.notify(recipients, event.reportId(), clock.instant());
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
