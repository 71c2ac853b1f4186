package vn.trean.intake;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.trean.identity.Accounts;
import vn.trean.identity.Role;

/**
 * Tells the routed unit's officers and chair (the provincial managers, for reports routed
 * to the province) that a report arrived: in the application, and by e-mail when SMTP is
 * configured. The e-mail carries only a link, never a name or a detail. Runs after the
 * report committed, from the persisted event, so a crash does not lose the notice.
 */
@Component
class ReportNotifications {

	private static final Logger log = LoggerFactory.getLogger(ReportNotifications.class);

	private final Accounts accounts;

	private final ReportRepository reports;

	private final ObjectProvider<JavaMailSender> mail;

	private final IntakeSettings settings;

	private final Clock clock;

	ReportNotifications(Accounts accounts, ReportRepository reports, ObjectProvider<JavaMailSender> mail,
			IntakeSettings settings, Clock clock) {
		this.accounts = accounts;
		this.reports = reports;
		this.mail = mail;
		this.settings = settings;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ReportReceived event) {
		List<Accounts.Recipient> recipients = accounts.actingOn(event.routedTo(),
				EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIR, Role.PROVINCIAL_MANAGER));
		reports.notify(recipients.stream().map(Accounts.Recipient::userId).toList(), event.reportId(), clock.instant());
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return;
		}
		for (Accounts.Recipient recipient : recipients) {
			if (recipient.email() == null) {
				continue;
			}
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(settings.mailFrom());
			message.setTo(recipient.email());
			message.setSubject(subject(event));
			message.setText("Trẻ An: có một thông báo mới cần xử lý / a new report needs action.\n\n"
					+ settings.publicBaseUrl() + "/intake/reports/" + event.reportId() + "\n");
			try {
				sender.send(message);
			}
			catch (MailException ex) {
				log.warn("Could not e-mail a report notice to user {}: {}", recipient.userId(), ex.getMessage());
			}
		}
	}

	static String subject(ReportReceived event) {
		return switch (event.urgency()) {
			case EMERGENCY -> "[KHẨN CẤP / EMERGENCY] Trẻ An";
			case HIGH -> "[CAO / HIGH] Trẻ An";
			case NORMAL -> "Trẻ An";
		};
	}

}
