package vn.trean.cases;

import org.springframework.stereotype.Component;

import vn.trean.identity.CurrentUser;
import vn.trean.intake.ReportId;

/**
 * How the demo loader opens its demo case: through the same rules, access, audit and
 * events as an officer opening a case from a report, the case flagged {@code demo}, so
 * that whatever is kept from it (the statistics' read model) knows it for demo data.
 */
@Component
public class DemoCases {

	private final CaseManagement cases;

	DemoCases(CaseManagement cases) {
		this.cases = cases;
	}

	/** A demo case opened by the officer from the report (or the case that took it). */
	public CaseId openFromReport(CurrentUser officer, ReportId report, String clientAddress) {
		return cases.openFromReport(officer, report, clientAddress, true);
	}

}
