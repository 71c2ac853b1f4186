package vn.trean.referrals;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseTransferred;

/**
 * A case moved to another commune takes its referrals and sharing grounds with it, in the
 * transfer's transaction: the new commune sends, withdraws and reads them from then on,
 * and the old one no longer does. The receiving agencies keep their referrals.
 */
@Component
class ReferralsFollowTheirCase {

	private final JdbcClient jdbc;

	ReferralsFollowTheirCase(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(CaseTransferred transfer) {
		for (String table : new String[] { "referral", "referral_consent", "referral_legal_basis" }) {
			jdbc.sql("UPDATE " + table + " SET unit_id = :to WHERE case_id = :case")
				.param("to", transfer.to().value())
				.param("case", transfer.caseId().value())
				.update();
		}
	}

}
