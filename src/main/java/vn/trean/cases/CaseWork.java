package vn.trean.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.CaseWorkQueries.Row;
import vn.trean.children.Child;
import vn.trean.children.ChildId;
import vn.trean.children.ChildRegistry;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.WorkItem;
import vn.trean.identity.WorkSource;

/**
 * The cases' share of the work queue, within what the user's roles reach today: for the
 * one who decides on cases (the chair), the emergency decisions, plans and closures that
 * wait; for the one who manages them (the officer), the reports to verify, the clocks
 * running on their cases and the transfers to accept; for a provincial manager, the
 * overdue clocks of the province. The child is named only to those who may see the
 * child's records there.
 */
@Component
class CaseWork implements WorkSource {

	private static final int COUNTED = 1000;

	private final CaseWorkQueries queries;

	private final Authorization authorization;

	private final ChildRegistry children;

	private final Clock clock;

	CaseWork(CaseWorkQueries queries, Authorization authorization, ChildRegistry children, Clock clock) {
		this.queries = queries;
		this.authorization = authorization;
		this.children = children;
		this.clock = clock;
	}

	/**
	 * The items shown and the counts, from one reading of the rows; only the items shown
	 * name their children.
	 */
	@Override
	@Transactional(readOnly = true)
	public WorkSource.Waiting waiting(Actor actor, int shown) {
		CurrentUser user = actor.signedIn();
		List<Row> rows = rows(user, COUNTED);
		Set<UnitId> childUnits = authorization.unitsInReach(user, Action.VIEW_CHILD_RECORDS);
		return new WorkSource.Waiting(rows.subList(0, Math.min(shown, rows.size()))
			.stream()
			.map(row -> item(row, childUnits.contains(row.unit())))
			.toList(), counts(rows));
	}

	private static Map<String, Long> counts(List<Row> rows) {
		return rows.stream()
			.collect(Collectors.groupingBy(row -> stepKey(row.kind()), LinkedHashMap::new, Collectors.counting()));
	}

	private List<Row> rows(CurrentUser user, int limit) {
		List<Row> rows = new ArrayList<>();
		Set<UnitId> deciding = authorization.unitsInReach(user, Action.DECIDE_ON_CASES);
		if (!deciding.isEmpty()) {
			rows.addAll(queries.decisionsIn(deciding, limit));
		}
		Set<UnitId> managing = authorization.unitsInReach(user, Action.MANAGE_CASES);
		if (!managing.isEmpty()) {
			rows.addAll(queries.stepsOf(user.id(), managing, limit));
		}
		if (user.has(Role.PROVINCIAL_MANAGER)) {
			Set<UnitId> viewing = authorization.unitsInReach(user, Action.VIEW_CASES);
			if (!viewing.isEmpty()) {
				rows.addAll(queries.overdueIn(viewing, clock.instant(), limit));
			}
		}
		rows.sort(Comparator.comparing(Row::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Row::since));
		return rows.subList(0, Math.min(limit, rows.size()));
	}

	private WorkItem item(Row row, boolean mayNameChild) {
		return new WorkItem(stepKey(row.kind()), row.reference(), mayNameChild ? childOf(row.caseId()) : null,
				row.since(), row.dueAt(), link(row));
	}

	private @Nullable String childOf(CaseId id) {
		String names = queries.childrenOf(id)
			.stream()
			.map(child -> children.find(new ChildId(child)))
			.flatMap(Optional::stream)
			.map(Child::fullName)
			.collect(Collectors.joining(", "));
		return names.isEmpty() ? null : names;
	}

	private static String stepKey(String kind) {
		return switch (kind) {
			case CaseWorkQueries.EMERGENCY -> CaseLinks.stepKey(DeadlineStep.EMERGENCY_DECISION);
			case CaseWorkQueries.CLOSE -> "work.step.closure";
			case CaseWorkQueries.VERIFY -> CaseLinks.stepKey(DeadlineStep.VERIFICATION);
			case CaseWorkQueries.TRANSFER -> "work.step.transfer-acceptance";
			case CaseWorkQueries.ASSESS -> "work.step.initial-assessment";
			case CaseWorkQueries.CLOSING -> "work.step.closing-assessment";
			default -> CaseLinks.stepKey(DeadlineStep.valueOf(kind));
		};
	}

	private static String link(Row row) {
		return switch (row.kind()) {
			case CaseWorkQueries.EMERGENCY -> CaseLinks.of(row.caseId(), DeadlineStep.EMERGENCY_DECISION);
			case CaseWorkQueries.ASSESS -> CaseLinks.form(row.caseId(), CaseForm.INITIAL_ASSESSMENT);
			case CaseWorkQueries.CLOSING -> CaseLinks.form(row.caseId(), CaseForm.CLOSING_ASSESSMENT);
			case CaseWorkQueries.CLOSE, CaseWorkQueries.VERIFY, CaseWorkQueries.TRANSFER -> CaseLinks.of(row.caseId());
			default -> CaseLinks.of(row.caseId(), DeadlineStep.valueOf(row.kind()));
		};
	}

}
