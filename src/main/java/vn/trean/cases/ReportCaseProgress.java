package vn.trean.cases;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.intake.CaseProgress;
import vn.trean.intake.CaseProgressSource;

/**
 * The progress of the cases reports went into, for the lists of reports: who must act
 * ({@link CaseSummary#waitingOn()}, as the case lists say it) and the next clock, read
 * live from the cases, for a viewer who may see the case; the step and officer filters
 * select among the open cases, as the case lists' filters do, offered to those who may
 * see cases.
 */
@Component
@Transactional(readOnly = true)
class ReportCaseProgress implements CaseProgressSource {

	private final CaseListQueries queries;

	private final CaseLists lists;

	private final Authorization authorization;

	ReportCaseProgress(CaseListQueries queries, CaseLists lists, Authorization authorization) {
		this.queries = queries;
		this.lists = lists;
		this.authorization = authorization;
	}

	@Override
	public Map<UUID, CaseProgress> progress(CurrentUser viewer, Collection<UUID> caseIds) {
		Map<UUID, CaseProgress> progress = new HashMap<>();
		for (CaseSummary line : queries.lines(new HashSet<>(caseIds))) {
			if (!CaseReadingPolicy.inScope(authorization, viewer, line.unit(), line.transferTo())) {
				continue;
			}
			boolean open = line.status().open();
			progress.put(line.id().value(),
					new CaseProgress(line.waitingOn().name(), line.assignedOfficer(),
							open && line.nextStep() != null ? line.nextStep().name() : null,
							open ? line.nextDeadline() : null));
		}
		return progress;
	}

	@Override
	public Set<UUID> openCases(CurrentUser viewer, @Nullable String step, @Nullable Long officer) {
		return new HashSet<>(queries.openCases(authorization.unitsInReach(viewer, Action.VIEW_CASES),
				step == null ? null : DeadlineStep.valueOf(step), officer));
	}

	@Override
	public List<String> steps() {
		return Arrays.stream(DeadlineStep.values()).map(DeadlineStep::name).toList();
	}

	@Override
	public Map<Long, String> officers(CurrentUser user) {
		return authorization.permitsSomewhere(user, Action.VIEW_CASES) ? lists.officers(user) : Map.of();
	}

}
