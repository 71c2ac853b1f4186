package vn.trean.referrals;

import java.util.List;

import vn.trean.cases.Escalation;

/**
 * A referral's clock reached a level of the escalation ladder and these users were told
 * (ids only): for the e-mails sent after the pass committed.
 */
public record ReferralDeadlineEscalated(ReferralId referral, long deadlineId, Referral.Clock clock, Escalation level,
		List<Long> recipients) {

	public ReferralDeadlineEscalated {
		recipients = List.copyOf(recipients);
	}

}
