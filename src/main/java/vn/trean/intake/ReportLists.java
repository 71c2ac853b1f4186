package vn.trean.intake;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.audit.AuditLog;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.Page;
import vn.trean.shared.VietnameseText;

/**
 * The lists of reports people work from, under the rules of the report page: the inbox
 * (reports routed where the viewer may read children's records) and the recorder's list
 * (reports they recorded for their agency, which they may read as their recorder). A row
 * names its child only for a viewer who may read the report. The reporter's phone is
 * searched only where the viewer may see reporters, and a report found by it shows its
 * reporter: each such finding writes an access entry, as opening the reporter does.
 */
@Service
@Transactional
class ReportLists {

	static final int PAGE_SIZE = 50;

	/** What a search by phone is, in the access entries it writes. */
	static final String PHONE_SEARCH = "SEARCH_BY_PHONE";

	private final ReportSearch search;

	private final Authorization authorization;

	private final Geography geography;

	private final AuditLog audit;

	private final Clock clock;

	private final ObjectProvider<CaseProgressSource> cases;

	ReportLists(ReportSearch search, Authorization authorization, Geography geography, AuditLog audit, Clock clock,
			ObjectProvider<CaseProgressSource> cases) {
		this.search = search;
		this.authorization = authorization;
		this.geography = geography;
		this.audit = audit;
		this.clock = clock;
		this.cases = cases;
	}

	/** Reports routed into the viewer's reach, as the filter narrows and orders them. */
	Page<ListedReport> inbox(Actor actor, ReportListFilter filter) {
		CurrentUser user = actor.signedIn();
		authorization.requireSomewhere(user, Action.VIEW_CHILD_RECORDS);
		Set<UnitId> reach = authorization.unitsInReach(user, Action.VIEW_CHILD_RECORDS);
		Map<String, Object> params = Map.of("units", reach.stream().map(UnitId::value).toArray(Long[]::new));
		ReportSearch.Scope scope = scope(user, "r.routed_unit_id = ANY(:units)", params, filter);
		return shown(actor, search.find(scope, filter, PAGE_SIZE, clock.instant()),
				row -> authorization.decide(user, Action.VIEW_CHILD_RECORDS, ResourceScope.at(row.routedTo()))
					.allowed());
	}

	/**
	 * Reports the viewer recorded for their agency, while they may record reports; each
	 * names its child, as the report page shows her to her recorder.
	 */
	Page<ListedReport> recorded(Actor actor, ReportListFilter filter) {
		CurrentUser user = actor.signedIn();
		authorization.require(user, Action.RECORD_REPORT, ResourceScope.at(user.jurisdiction()));
		Map<String, Object> params = new HashMap<>();
		params.put("user", user.id());
		params.put("agency", user.agency() == null ? null : user.agency().value());
		ReportSearch.Scope scope = scope(user,
				"r.received_by = :user AND r.receiving_agency_id IS NOT DISTINCT FROM CAST(:agency AS bigint)", params,
				filter);
		return shown(actor, search.find(scope, filter, PAGE_SIZE, clock.instant()), row -> true);
	}

	/**
	 * The communes a list may be narrowed to: those in force in the viewer's
	 * jurisdiction.
	 */
	@Transactional(readOnly = true)
	List<AdministrativeUnit> communes(CurrentUser user) {
		return geography.currentUnitsWithin(user.jurisdiction())
			.stream()
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.toList();
	}

	/**
	 * What the user's lists may be narrowed to: the communes, and the steps and officers
	 * of the cases when a module that opens cases tells them.
	 */
	@Transactional(readOnly = true)
	ReportListFilter.Offered offered(CurrentUser user) {
		CaseProgressSource source = cases.getIfAvailable();
		return new ReportListFilter.Offered(communes(user), source == null ? List.of() : source.steps(),
				source == null ? Map.of() : source.officers(user));
	}

	/**
	 * Where the case of each listed report stands, by case id, as far as the viewer may
	 * see cases.
	 */
	@Transactional(readOnly = true)
	Map<UUID, CaseProgress> progress(CurrentUser viewer, Page<ListedReport> page) {
		CaseProgressSource source = cases.getIfAvailable();
		List<UUID> ids = page.items().stream().filter(r -> r.inCase() != null).map(r -> r.inCase().id()).toList();
		return source == null || ids.isEmpty() ? Map.of() : source.progress(viewer, ids);
	}

	private ReportSearch.Scope scope(CurrentUser user, String condition, Map<String, Object> params,
			ReportListFilter filter) {
		Collection<UnitId> identity = authorization.unitsInReach(user, Action.VIEW_REPORTER_IDENTITY);
		Collection<UnitId> commune = filter.commune() == null ? Set.of() : geography.unitsWithin(filter.commune());
		CaseProgressSource source = cases.getIfAvailable();
		Collection<UUID> selected = !filter.byCase() ? null
				: source == null ? Set.of() : source.openCases(user, filter.step(), filter.officer());
		return new ReportSearch.Scope(condition, params, identity, named(user, filter.q()), commune, selected);
	}

	/**
	 * The units around the viewer whose name contains the search text, in any spelling.
	 */
	private Collection<UnitId> named(CurrentUser user, @Nullable String q) {
		if (q == null) {
			return Set.of();
		}
		return VietnameseText.keysNaming(geography.currentNamesAround(user.jurisdiction()), q);
	}

	/**
	 * The page as the viewer may see it: without the child where they may not read her,
	 * and with an access entry for each reporter a search by phone found.
	 */
	private Page<ListedReport> shown(Actor actor, Page<ListedReport> page, Predicate<ListedReport> childVisible) {
		page.items()
			.stream()
			.filter(ListedReport::foundByPhone)
			.forEach(row -> audit.recordAccess(actor, "REPORTER_IDENTITY", row.id().toString(), PHONE_SEARCH));
		List<ListedReport> rows = page.items()
			.stream()
			.map(row -> childVisible.test(row) ? row : row.withoutChild())
			.toList();
		return new Page<>(rows, page.number(), page.size(), page.hasNext());
	}

}
