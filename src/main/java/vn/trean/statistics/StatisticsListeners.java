package vn.trean.statistics;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseChanged;
import vn.trean.children.SpecialCircumstancesChanged;
import vn.trean.intake.ReportReceived;
import vn.trean.intake.ReportTakenIntoCase;
import vn.trean.referrals.ReferralStepTaken;

/**
 * Keeps the read model from the modules' persisted events, each after its source
 * committed, in its own transaction: a crash in between leaves the publication incomplete
 * and it is handled again, which re-derives the same rows.
 */
@Component
class StatisticsListeners {

	private final StatisticsReadModel model;

	StatisticsListeners(StatisticsReadModel model) {
		this.model = model;
	}

	@ApplicationModuleListener
	void on(CaseChanged changed) {
		model.cases(List.of(changed.caseId()));
	}

	@ApplicationModuleListener
	void on(ReportReceived received) {
		model.reports(List.of(received.reportId()));
	}

	@ApplicationModuleListener
	void on(ReportTakenIntoCase taken) {
		model.reports(List.of(taken.reportId()));
	}

	@ApplicationModuleListener
	void on(SpecialCircumstancesChanged changed) {
		model.children(List.of(changed.child()));
	}

	@ApplicationModuleListener
	void on(ReferralStepTaken step) {
		model.referrals(List.of(step.referral()));
	}

}
