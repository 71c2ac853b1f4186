package vn.trean.referrals;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseReferralFacts;
import vn.trean.directory.Directory;
import vn.trean.identity.Accounts;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

/**
 * Who is told of a referral's steps: on the agency's side its focal points and its head;
 * on the sending side the case's officer, or the commune's officers when none is
 * assigned.
 */
@Component
class ReferralRecipients {

	private final Accounts accounts;

	private final Directory directory;

	private final CaseReferralFacts cases;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	ReferralRecipients(Accounts accounts, Directory directory, CaseReferralFacts cases,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.directory = directory;
		this.cases = cases;
	}

	/** An open referral sent on a consent: its id, code and agency. */
	record OnConsent(ReferralId referral, String code, AgencyId agency) {
	}

	/** The open referrals sent on the consent. */
	java.util.List<OnConsent> relyingOn(long consentId) {
		return jdbc.sql("""
				SELECT id, reference_code, agency_id FROM referral
				WHERE sent_consent_id = :consent AND state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')""")
			.param("consent", consentId)
			.query((rs, n) -> new OnConsent(new ReferralId(rs.getObject("id", java.util.UUID.class)),
					rs.getString("reference_code"), new AgencyId(rs.getLong("agency_id"))))
			.list();
	}

	Set<Long> agency(AgencyId agency) {
		Set<Long> users = new LinkedHashSet<>();
		accounts.ofAgency(agency, EnumSet.of(Role.AGENCY_FOCAL_POINT)).forEach(r -> users.add(r.userId()));
		directory.headOf(agency).ifPresent(users::add);
		return users;
	}

	Set<Long> sender(CaseId caseId) {
		Set<Long> users = new LinkedHashSet<>();
		cases.find(caseId).ifPresent(c -> {
			if (c.officerId() != null) {
				users.add(c.officerId());
			}
			else {
				accounts.actingOn(c.unit(), EnumSet.of(Role.COMMUNE_OFFICER)).forEach(r -> users.add(r.userId()));
			}
		});
		return users;
	}

}
