package vn.trean.intake;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a report's handling state in step with the case work, from the events the case
 * work publishes. The listeners run synchronously, in the case work's own transaction:
 * the case and its report's state commit together (a case never exists while its report
 * still reads as nobody's, and the step that moved it reads the new state at once), at no
 * extra commit, and a rollback of the step undoes both. The report keeps the case it went
 * into, to link to it, and whether its verification is over (more information is asked
 * for only while it is not).
 */
@Component
class ReportProgress {

	private final ReportRepository reports;

	private final InformationRequestStore requests;

	ReportProgress(ReportRepository reports, InformationRequestStore requests) {
		this.reports = reports;
		this.requests = requests;
	}

	@EventListener
	void on(ReportTakenIntoCase taken) {
		reports.markTakenIntoCase(taken.reportId(), new CaseLink(taken.caseId(), taken.caseCode()));
	}

	@EventListener
	void on(ReportHandlingStarted started) {
		reports.markInHandling(started.reportId());
	}

	@EventListener
	void on(ReportVerificationSettled verification) {
		requests.markVerificationSettled(verification.reportId(), verification.settled());
	}

}
