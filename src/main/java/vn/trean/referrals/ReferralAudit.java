package vn.trean.referrals;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * A step taken on a referral, for the audit log (ids and codes only, no personal data).
 * The action is {@code REFERRAL_} and the step's history kind ({@link ReferralStep}).
 */
record ReferralAudit(String actor, String action, String targetId, String clientAddress, String detail,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String targetType() {
		return "REFERRAL";
	}

	@Override
	public String outcome() {
		return "SUCCESS";
	}

}
