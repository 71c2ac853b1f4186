package vn.trean.referrals;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * A change of the referral settings, for the audit log: the service or sector changed
 * and, in the detail, its settings before and after (codes only, no personal data).
 */
record ReferralSettingsAudit(String actor, String action, String targetId, String clientAddress, String detail,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String targetType() {
		return "REFERRAL_SETTINGS";
	}

	@Override
	public String outcome() {
		return "SUCCESS";
	}

}
