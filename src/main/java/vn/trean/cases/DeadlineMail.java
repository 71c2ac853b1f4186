package vn.trean.cases;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.trean.identity.Notices;

/**
 * E-mails the users alerted about a case's clock, after the alert committed, from the
 * persisted event. The message names the level and links to the case; no personal data.
 */
@Component
class DeadlineMail {

	private final Notices notices;

	DeadlineMail(Notices notices) {
		this.notices = notices;
	}

	@ApplicationModuleListener
	void on(DeadlineEscalated event) {
		String subject = switch (event.level()) {
			case DUE_SOON -> "[SẮP ĐẾN HẠN / DUE SOON] Trẻ An";
			case OVERDUE -> "[QUÁ HẠN / OVERDUE] Trẻ An";
			case PROVINCE -> "[QUÁ HẠN - BÁO CÁO TỈNH / OVERDUE - PROVINCE] Trẻ An";
			case NONE -> "Trẻ An";
		};
		notices.mailLink(event.recipients(), subject,
				"Trẻ An: một thời hạn của vụ việc cần chú ý / a case deadline needs attention.",
				"/cases/" + event.caseId());
	}

}
