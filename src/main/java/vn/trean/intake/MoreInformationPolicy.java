package vn.trean.intake;

import java.util.Objects;

import org.springframework.stereotype.Component;

import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Verdict;

/**
 * Who may send a report back for more information, and who answers. An officer who may
 * take the report up (case management where it was routed) asks, while the report is
 * being verified: until the case holding it confirms the harm or closes as not
 * substantiated (a reopened case verifies again; after verification, information is
 * gathered in the case's own steps) and while it has a receiving point to answer (a
 * report from the public form or the API has no one to ask). The recorder answers while
 * their roles still let them record reports for the agency that received it; when the
 * report was received for an agency, any user of that agency who records reports and may
 * read the report answers too, so a request does not wait for one absent person. A
 * hotline operator without an agency is the only one who answers for their reports.
 */
@Component
class MoreInformationPolicy {

	private final Authorization authorization;

	private final InformationRequestStore requests;

	MoreInformationPolicy(Authorization authorization, InformationRequestStore requests) {
		this.authorization = authorization;
		this.requests = requests;
	}

	boolean mayRead(CurrentUser user, Report report) {
		return authorization.decide(user, Action.VIEW_CHILD_RECORDS, ResourceScope.at(report.routedTo())).allowed();
	}

	/** Whether the user may ask now; a refusal names its reason. */
	Verdict<Void> mayAsk(CurrentUser user, Report report) {
		Verdict<Void> officer = authorization.decide(user, Action.MANAGE_CASES, ResourceScope.at(report.routedTo()));
		if (!officer.allowed()) {
			return officer;
		}
		if (report.receivedBy() == null) {
			return Verdict.refuse(Verdict.GENERAL, "report.information.no-recorder");
		}
		if (requests.verificationSettled(report.id())) {
			return Verdict.refuse(Verdict.GENERAL, "report.information.verified");
		}
		return Verdict.allow(null);
	}

	/**
	 * Refuses with 403 one who may not take the report up, with 409 a report past
	 * verification.
	 */
	void requireMayAsk(CurrentUser user, Report report) {
		authorization.require(user, Action.MANAGE_CASES, ResourceScope.at(report.routedTo()));
		Verdict<Void> verdict = mayAsk(user, report);
		if (!verdict.allowed()) {
			throw new MoreInformation.InformationRuleBroken(verdict.reason());
		}
	}

	boolean mayAnswer(CurrentUser user, Report report) {
		AgencyId receivedFor = report.receivingAgency() == null ? null : new AgencyId(report.receivingAgency());
		if (!Objects.equals(receivedFor, user.agency())) {
			return false;
		}
		ResourceScope own = ResourceScope.at(user.jurisdiction());
		if (authorization.decideAsAuthor(user, report.receivedBy(), Action.RECORD_REPORT, own).allowed()) {
			return true;
		}
		return receivedFor != null && authorization.decide(user, Action.RECORD_REPORT, own).allowed()
				&& mayRead(user, report);
	}

}
