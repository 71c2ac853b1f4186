package vn.trean.cases;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.trean.intake.Intake;
import vn.trean.intake.ReportId;
import vn.trean.intake.ReportedDanger;

/**
 * Gathers the {@link DecisionFacts} the decision pages show next to the emergency
 * decision and Mẫu 05. Built from a {@link CaseView}, so only for those who have opened
 * the case (and its access entry written); the findings come from the timeline entries
 * the user may see.
 */
@Component
class CaseDecisionFacts {

	private final Intake intake;

	private final CaseManagement cases;

	CaseDecisionFacts(Intake intake, CaseManagement cases) {
		this.intake = intake;
		this.cases = cases;
	}

	DecisionFacts of(CaseView view) {
		List<ReportedDanger> dangers = view.reports()
			.stream()
			.map(r -> intake.dangerOf(new ReportId(r)))
			.flatMap(Optional::stream)
			.toList();
		// the timeline is newest first: the latest verification's findings
		String findings = view.timeline()
			.stream()
			.filter(e -> "HARM_CONFIRMED".equals(e.kind()))
			.findFirst()
			.map(TimelineEntry::text)
			.orElse(null);
		CaseView.Forms forms = view.forms();
		return new DecisionFacts(dangers, findings, recordedBy(forms.initialAssessment()),
				recordedBy(forms.needsAssessment()), recordedBy(forms.plan()));
	}

	private @Nullable String recordedBy(@Nullable StoredForm<?> form) {
		return form == null ? null : cases.nameOf(form.recordedBy()).orElse(null);
	}

}
