package vn.trean.cases;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.audit.AuditLog;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.shared.Page;
import vn.trean.shared.VietnameseText;

/**
 * The case lists, a page of {@link CaseManagement#PAGE_SIZE} rows at a time, limited to
 * the units where the user's roles let them see cases. A line names its child only when
 * the case page would ({@link CaseReadingPolicy}); the reporter's phone is searched only
 * where the viewer may see reporters, and each case found by it writes an access entry,
 * as opening the reporter does.
 */
@Service
@Transactional
public class CaseLists {

	/** The last page number a list serves; further pages are this one. */
	static final int LAST_PAGE = 10_000;

	/** What a search by phone is, in the access entries it writes. */
	static final String PHONE_SEARCH = "SEARCH_BY_PHONE";

	private final CaseListQueries queries;

	private final Accounts accounts;

	private final Authorization authorization;

	private final Geography geography;

	private final AuditLog audit;

	private final Clock clock;

	CaseLists(CaseListQueries queries, Accounts accounts, Authorization authorization, Geography geography,
			AuditLog audit, Clock clock) {
		this.queries = queries;
		this.accounts = accounts;
		this.authorization = authorization;
		this.geography = geography;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Cases assigned to the user that their roles still let them see, as the filter
	 * narrows and orders them: an assignment narrows the list, it grants nothing.
	 */
	public Page<CaseSummary> myCases(Actor actor, CaseListFilter filter) {
		CurrentUser user = actor.signedIn();
		Long[] units = CaseListQueries.ids(reach(user));
		return find(actor,
				"p.assigned_officer_id = :me AND (p.unit_id = ANY(:units) OR p.transfer_to_unit_id" + " = ANY(:units))",
				Map.of("me", user.id(), "units", units), filter);
	}

	/** Open cases in the user's jurisdiction, the nearest deadline first. */
	public Page<CaseSummary> inJurisdiction(Actor actor, int page) {
		return inJurisdiction(actor, CaseListFilter.open(page));
	}

	/** Cases in the user's jurisdiction, as the filter narrows and orders them. */
	public Page<CaseSummary> inJurisdiction(Actor actor, CaseListFilter filter) {
		Long[] units = CaseListQueries.ids(reach(actor.signedIn()));
		return find(actor, "(p.unit_id = ANY(:units) OR p.transfer_to_unit_id = ANY(:units))", Map.of("units", units),
				filter);
	}

	/** Legal steps overdue in the user's jurisdiction, the longest overdue first. */
	public Page<OverdueStep> overdue(Actor actor, int page) {
		return overdue(actor, CaseListFilter.open(page));
	}

	/**
	 * Legal steps overdue in the user's jurisdiction, as the filter narrows them, the
	 * longest overdue first.
	 */
	public Page<OverdueStep> overdue(Actor actor, CaseListFilter filter) {
		CurrentUser user = actor.signedIn();
		Long[] units = CaseListQueries.ids(reach(user));
		Page<OverdueStep> page = queries.overdue(scope(user, "p.unit_id = ANY(:units)", Map.of("units", units), filter),
				filter, CaseManagement.PAGE_SIZE, clock.instant());
		return shown(actor, page, OverdueStep::line, (o, visible) -> visible ? o : o.withoutChild());
	}

	/** The communes a list may be narrowed to: those in force in the jurisdiction. */
	@Transactional(readOnly = true)
	public List<AdministrativeUnit> communes(CurrentUser user) {
		reach(user);
		return geography.currentUnitsWithin(user.jurisdiction())
			.stream()
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.toList();
	}

	/**
	 * The officers a list may be narrowed to, by name in Vietnamese order: those acting
	 * for the user's commune and those assigned to a case in the jurisdiction.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> officers(CurrentUser user) {
		Set<Long> ids = new TreeSet<>(queries.officersIn(reach(user)));
		accounts.actingOn(user.jurisdiction(), EnumSet.of(Role.COMMUNE_OFFICER)).forEach(r -> ids.add(r.userId()));
		Map<Long, String> names = accounts.displayNames(ids);
		Map<Long, String> named = new LinkedHashMap<>();
		ids.stream()
			.map(id -> Map.entry(id, names.getOrDefault(id, "#" + id)))
			.sorted(Map.Entry.comparingByValue(VietnameseText.ORDER))
			.forEach(e -> named.put(e.getKey(), e.getValue()));
		return named;
	}

	private Page<CaseSummary> find(Actor actor, String condition, Map<String, Object> params, CaseListFilter filter) {
		Page<CaseSummary> page = queries.find(scope(actor.signedIn(), condition, params, filter), filter,
				CaseManagement.PAGE_SIZE);
		return shown(actor, page, line -> line, (line, visible) -> visible ? line : line.withoutChild());
	}

	private CaseListQueries.Scope scope(CurrentUser user, String condition, Map<String, Object> params,
			CaseListFilter filter) {
		Collection<UnitId> identity = authorization.unitsInReach(user, Action.VIEW_REPORTER_IDENTITY);
		Collection<UnitId> commune = filter.commune() == null ? Set.of() : geography.unitsWithin(filter.commune());
		return new CaseListQueries.Scope(condition, params, identity, named(user, filter.q()), commune);
	}

	/**
	 * The page as the viewer may see it: without the child where the case page would not
	 * show her, and with an access entry for each case a search by phone found.
	 */
	private <T> Page<T> shown(Actor actor, Page<T> page, java.util.function.Function<T, CaseSummary> line,
			java.util.function.BiFunction<T, Boolean, T> child) {
		CurrentUser user = actor.signedIn();
		page.items()
			.stream()
			.map(line)
			.filter(CaseSummary::foundByPhone)
			.forEach(found -> audit.recordAccess(actor, "CASE", found.id().toString(), PHONE_SEARCH));
		return new Page<>(page.items().stream().map(i -> child.apply(i, childVisible(user, line.apply(i)))).toList(),
				page.number(), page.size(), page.hasNext());
	}

	private boolean childVisible(CurrentUser user, CaseSummary line) {
		return CaseReadingPolicy.inScope(authorization, user, line.unit(), line.transferTo());
	}

	/** The units in the viewer's jurisdiction whose name contains the search text. */
	private Collection<UnitId> named(CurrentUser user, @Nullable String q) {
		if (q == null) {
			return Set.of();
		}
		Set<UnitId> reach = authorization.unitsInReach(user, Action.VIEW_CASES);
		return VietnameseText.keysNaming(geography.currentNamesAround(user.jurisdiction()), q)
			.stream()
			.filter(reach::contains)
			.toList();
	}

	private Collection<UnitId> reach(CurrentUser user) {
		authorization.requireSomewhere(user, Action.VIEW_CASES);
		return authorization.unitsInReach(user, Action.VIEW_CASES);
	}

}
