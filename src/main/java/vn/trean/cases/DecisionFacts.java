package vn.trean.cases;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.trean.intake.ReportedDanger;

/**
 * What the chair decides on, besides the forms in {@link CaseView#forms()}: the danger
 * the case's reports told of, the officer's findings when the harm was confirmed, and who
 * recorded the initial assessment (Mẫu 02), the needs assessment (Mẫu 03) and the plan
 * (Mẫu 04). Built by {@link CaseDecisionFacts}.
 */
public record DecisionFacts(List<ReportedDanger> dangers, @Nullable String findings, @Nullable String assessedBy,
		@Nullable String needsAssessedBy, @Nullable String plannedBy) {

	public DecisionFacts {
		dangers = List.copyOf(dangers);
	}

	/** Whether any report ticked a sign of immediate danger. */
	public boolean anyDangerSign() {
		return dangers.stream().anyMatch(d -> !d.dangerSigns().isEmpty());
	}

}
