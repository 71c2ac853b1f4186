package vn.trean.referrals;

import org.springframework.stereotype.Component;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseReferralFacts;
import vn.trean.intake.HarmForm;
import vn.trean.intake.ReferralReports;

/**
 * Whether a case's reports name a form of sexual abuse: a health outcome then asks
 * whether the child was examined within 72 hours of the assault.
 */
@Component
class CaseHarms {

	private final CaseReferralFacts cases;

	private final ReferralReports reports;

	CaseHarms(CaseReferralFacts cases, ReferralReports reports) {
		this.cases = cases;
		this.reports = reports;
	}

	boolean sexualAbuse(CaseId id) {
		return cases.find(id)
			.stream()
			.flatMap(c -> c.reports().stream())
			.flatMap(r -> reports.facts(r).stream())
			.flatMap(f -> f.harmForms().stream())
			.anyMatch(HarmForm::sexualAbuse);
	}

}
