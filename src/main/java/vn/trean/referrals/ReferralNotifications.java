package vn.trean.referrals;

import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.trean.identity.Notices;
import vn.trean.identity.Notifications;

/**
 * Tells the other side of a referral that a step was taken: the agency's focal points and
 * head when it is sent or withdrawn (in the application and, after the step committed, by
 * e-mail), the case's officer when the agency answers, notes progress or reports. A
 * notice carries the referral's code and a link, never a name or a detail of the case.
 */
@Component
class ReferralNotifications {

	/** The steps the agency is told of; the sending side hears of the rest. */
	private static final Set<String> TO_AGENCY = Set.of("SENT", "WITHDRAWN");

	/** The steps nobody outside the sending commune is told of. */
	private static final Set<String> UNTOLD = Set.of("DRAFTED", "RESENT", "EDITED");

	private final ReferralRecipients recipients;

	private final Notifications notifications;

	private final Notices notices;

	ReferralNotifications(ReferralRecipients recipients, Notifications notifications, Notices notices) {
		this.recipients = recipients;
		this.notifications = notifications;
		this.notices = notices;
	}

	@EventListener
	void on(ReferralStepTaken step) {
		if (UNTOLD.contains(step.kind())) {
			return;
		}
		Set<Long> users = TO_AGENCY.contains(step.kind()) ? recipients.agency(step.agency())
				: recipients.sender(step.caseId());
		notifications.send(users, new Notifications.Draft("notification.kind.referral",
				"referral.notice." + step.kind(), step.code(), link(step), key(step)));
	}

	/**
	 * Tells the agencies of the open referrals that relied on a withdrawn consent that
	 * they see nothing more of them for now.
	 */
	@EventListener
	void on(ConsentWithdrawn withdrawal) {
		for (ReferralRecipients.OnConsent suspended : recipients.relyingOn(withdrawal.consentId())) {
			notifications.send(recipients.agency(suspended.agency()),
					new Notifications.Draft("notification.kind.referral", "referral.notice.SUSPENDED", suspended.code(),
							"/referrals/" + suspended.referral(),
							"referral:" + suspended.referral() + ":SUSPENDED:" + withdrawal.consentId()));
		}
	}

	/** The e-mail to the agency, from the persisted event once the step committed. */
	@ApplicationModuleListener
	void mail(ReferralStepTaken step) {
		if (!TO_AGENCY.contains(step.kind())) {
			return;
		}
		notices.mailLink(key(step), recipients.agency(step.agency()), "[CHUYỂN GỬI / REFERRAL] Trẻ An",
				"Trẻ An: cơ quan của bạn có một phiếu chuyển gửi cần xem / your agency has a referral to look at.",
				link(step));
	}

	/** The e-mail of a clock's alert, once the pass that raised it committed. */
	@ApplicationModuleListener
	void mail(ReferralDeadlineEscalated alert) {
		String subject = switch (alert.level()) {
			case DUE_SOON -> "[SẮP ĐẾN HẠN / DUE SOON] Trẻ An";
			case OVERDUE -> "[QUÁ HẠN / OVERDUE] Trẻ An";
			case PROVINCE -> "[QUÁ HẠN - BÁO CÁO TỈNH / OVERDUE - PROVINCE] Trẻ An";
			case NONE -> "Trẻ An";
		};
		notices.mailLink("referral-deadline:" + alert.deadlineId() + ":" + alert.level(), alert.recipients(), subject,
				"Trẻ An: một thời hạn chuyển gửi cần chú ý / a referral deadline needs attention.",
				"/referrals/" + alert.referral());
	}

	private static String link(ReferralStepTaken step) {
		return "/referrals/" + step.referral();
	}

	private static String key(ReferralStepTaken step) {
		return "referral:" + step.referral() + ":" + step.kind() + ":" + step.at().toEpochMilli();
	}

}
