package vn.trean.referrals;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.trean.cases.CaseReferralFacts;
import vn.trean.children.ChildId;
import vn.trean.directory.Agency;
import vn.trean.geography.UnitId;
import vn.trean.shared.FormErrors;

/**
 * Whether a referral may go to an agency: one of the case's children, an agency of the
 * directory in the case's province, whose sector offers every service asked for (at least
 * one), and the reporter shared only with a sector that allows it by an officer who may
 * see them.
 */
final class AgencyPolicy {

	private AgencyPolicy() {
	}

	record Facts(CaseReferralFacts.Facts caseFacts, UnitId caseProvince, Optional<Agency> agency,
			@Nullable UnitId agencyProvince, Catalogue catalogue, FieldSets fieldSets, boolean mayShareReporter) {
	}

	static FormErrors check(DraftForm form, Facts f) {
		FormErrors errors = new FormErrors();
		if (form.child() == null || !f.caseFacts().involves(new ChildId(form.child()))) {
			errors.reject("child", "referral.child.not-in-case");
		}
		if (f.agency().isEmpty()) {
			return errors.reject("agency", "referral.agency.unknown");
		}
		Agency agency = f.agency().get();
		if (!f.caseProvince().equals(f.agencyProvince())) {
			errors.reject("agency", "referral.agency.outside-province");
		}
		if (form.services().isEmpty()) {
			errors.reject("services", "referral.services.required");
		}
		else if (!form.services().stream().allMatch(s -> f.catalogue().offers(agency.sector(), s))) {
			errors.reject("services", "referral.services.wrong-sector");
		}
		if (form.sharingReporter() && !(f.mayShareReporter() && f.fieldSets().reporterAllowed(agency.sector()))) {
			errors.reject("shareReporter", "referral.reporter.not-allowed");
		}
		return errors;
	}

}
