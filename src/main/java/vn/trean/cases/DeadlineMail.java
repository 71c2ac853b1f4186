package vn.trean.cases;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.trean.identity.Notices;

/**
 * E-mails the users alerted about a case's clock, after the alert committed, from the
 * persisted event. The message names the level and links to the page that acts on the
 * clock (the link of its work-queue item and notification); no personal data.
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
		// a deadline reaches each level once; events persisted before they named the
		// deadline are told apart by their case and step
		String key = "deadline:"
				+ (event.deadlineId() != null ? event.deadlineId() : event.caseId() + ":" + event.step()) + ":"
				+ event.level();
		notices.mailLink(key, event.recipients(), subject,
				"Trẻ An: một thời hạn của vụ việc cần chú ý / a case deadline needs attention.",
				CaseLinks.of(event.caseId(), event.step()));
	}

}
