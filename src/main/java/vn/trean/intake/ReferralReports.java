package vn.trean.intake;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.audit.AuditLog;
import vn.trean.identity.Actor;

/**
 * What the case work's referrals learn of a report in the case they hand on: the facts of
 * the harm, and the reporter only when the officer shares them. The caller has checked
 * that the user may hand the case on (and may see the reporter).
 */
@Service
@Transactional(readOnly = true)
public class ReferralReports {

	private final ReportRepository reports;

	private final AuditLog audit;

	ReferralReports(ReportRepository reports, AuditLog audit) {
		this.reports = reports;
		this.audit = audit;
	}

	public Optional<ReferralFacts> facts(ReportId id) {
		return reports.find(id)
			.map(r -> new ReferralFacts(r.referenceCode(), r.receivedAt(), r.harmForms(), r.setting(), r.place(),
					r.account(), r.perpetratorRelation(), r.perpetratorLivesWithChild(), r.perpetratorCanReachChild(),
					r.dangerSigns()));
	}

	/**
	 * The reporter's identity, none for an anonymous report; the reading is logged as the
	 * report page logs it, naming what it is for.
	 */
	@Transactional
	public Optional<ReferralFacts.Reporter> reporterOf(Actor actor, ReportId id, String purpose) {
		Optional<ReferralFacts.Reporter> reporter = reports.find(id)
			.filter(r -> !r.reporter().anonymous())
			.map(r -> new ReferralFacts.Reporter(r.reporter().name(), r.reporter().phone(), r.reporter().relation()));
		reporter.ifPresent(r -> audit.recordAccess(actor, "REPORTER_IDENTITY", id.toString(), purpose));
		return reporter;
	}

}
