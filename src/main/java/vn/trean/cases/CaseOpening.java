package vn.trean.cases;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.trean.intake.ReportReceived;

/**
 * Opens (or extends) a case for every report received, from the persisted event after the
 * report committed: a crash in between leaves the publication incomplete and it is
 * retried, and a retry changes nothing twice.
 */
@Component
class CaseOpening {

	private final CaseManagement cases;

	CaseOpening(CaseManagement cases) {
		this.cases = cases;
	}

	@ApplicationModuleListener
	void on(ReportReceived report) {
		cases.openFromReport(report);
	}

}
