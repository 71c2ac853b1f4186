package vn.trean.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
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
import vn.trean.identity.ResourceScope;
import vn.trean.identity.Role;
import vn.trean.intake.ContactType;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportHandlingStarted;
import vn.trean.intake.ReportId;
import vn.trean.intake.ReportReceived;
import vn.trean.intake.ReportTakenIntoCase;

/**
 * Opening cases from reports and reading them: access-logged, with break-glass for a
 * provincial manager outside their scope ({@link BreakGlassAccess}). The steps taken on a
 * case are the {@link CaseWorkflow}, {@link CaseForms} and {@link CaseTransfers}; the
 * lists are {@link CaseLists}.
 */
@Service
@Transactional
public class CaseManagement {

	/** Rows per page of a case list: light enough for a phone on 3G. */
	public static final int PAGE_SIZE = 50;

	private final CaseRepository cases;

	private final StoredForms forms;

	private final DeadlineSettings settings;

	private final Authorization authorization;

	private final Geography geography;

	private final Accounts accounts;

	private final Intake intake;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final BreakGlassAccess breakGlass;

	private final Clock clock;

	private final FirstAssignment firstAssignment;

	CaseManagement(CaseRepository cases, StoredForms forms, DeadlineSettings settings, Authorization authorization,
			Geography geography, Accounts accounts, Intake intake, AuditLog audit, ApplicationEventPublisher events,
			BreakGlassAccess breakGlass, Clock clock, FirstAssignment firstAssignment) {
		this.firstAssignment = firstAssignment;
		this.cases = cases;
		this.forms = forms;
		this.settings = settings;
		this.authorization = authorization;
		this.geography = geography;
		this.accounts = accounts;
		this.intake = intake;
		this.audit = audit;
		this.events = events;
		this.breakGlass = breakGlass;
		this.clock = clock;
	}

	// ---- opening ----

	/**
	 * Opens a case from a report routed to a commune, or adds the report to the open case
	 * of one of its children. Non-case contacts and reports the province must transfer
	 * open nothing. Safe to run twice for the same report.
	 */
	void openFromReport(ReportReceived report) {
		if (cases.caseOfReport(report.reportId().value()).isPresent()) {
			return;
		}
		if (report.contactType() != ContactType.HARM || report.transferOut()
				|| geography.get(report.routedTo()).level() != AdministrativeUnit.Level.COMMUNE) {
			return;
		}
		take(report, new ProtectionCase.Actor(0, "Trẻ An"), null, false);
	}

	/**
	 * A commune officer opens a case from a report routed to their commune that no case
	 * took in (a contact first recorded as counselling that turns out to be harm), or
	 * adds it to the open case of its child. Returns the case.
	 */
	public CaseId openFromReport(CurrentUser officer, ReportId reportId, String clientAddress) {
		return openFromReport(officer, reportId, clientAddress, false);
	}

	/** As the public one; a case it opens is demo data when {@code demo} (the demo's). */
	CaseId openFromReport(CurrentUser officer, ReportId reportId, String clientAddress, boolean demo) {
		ReportReceived report = intake.facts(officer, reportId);
		authorization.require(officer, Action.MANAGE_CASES, ResourceScope.at(report.routedTo()));
		Optional<CaseId> existing = cases.caseOfReport(reportId.value());
		if (existing.isPresent()) {
			return existing.get();
		}
		if (geography.get(report.routedTo()).level() != AdministrativeUnit.Level.COMMUNE) {
			throw new CaseRuleBroken("case.open.not-commune");
		}
		CaseId id = take(report, new ProtectionCase.Actor(officer.id(), officer.displayName()), officer.id(), demo);
		events.publishEvent(new CaseAudit(officer.username(), "CASE_OPENED_BY_OFFICER", id.toString(), clientAddress,
				"report " + reportId, now()));
		return id;
	}

	/**
	 * Adds the report to its child's open case in the commune it was routed to, or opens
	 * one there; the case it went to. A child's open case in another commune (she moved)
	 * does not take the report: its officers may not read a report routed elsewhere.
	 */
	private CaseId take(ReportReceived report, ProtectionCase.Actor actor, Long assignTo, boolean demo) {
		Instant now = now();
		cases.lockChildren(report.children());
		Optional<CaseId> existing = cases.openCaseOfAny(report.children(), report.routedTo());
		if (existing.isPresent()) {
			ProtectionCase open = cases.findForUpdate(existing.get()).orElseThrow();
			open.linkReport(actor, report.reportId().toString(), report.emergencyDecisionDue());
			cases.update(open, actor, now);
			cases.linkReport(open.id(), report.reportId().value(), now);
			cases.addChildren(open.id(), report.children());
			events.publishEvent(new ReportTakenIntoCase(report.reportId(), open.id().value(), open.referenceCode()));
			events.publishEvent(new CaseChanged(open.id(), now));
			return open.id();
		}
		Long officer = assignTo != null ? assignTo : firstAssignment.officerFor(report.routedTo());
		ProtectionCase opened = ProtectionCase.open(new CaseId(UUID.randomUUID()), cases.nextReferenceCode(now),
				report.routedTo(), officer, report.urgency(), now, report.receivedAt(), demo, actor,
				settings.current());
		cases.insert(opened, actor, now);
		cases.linkReport(opened.id(), report.reportId().value(), now);
		cases.addChildren(opened.id(), report.children());
		events.publishEvent(new ReportTakenIntoCase(report.reportId(), opened.id().value(), opened.referenceCode()));
		opened.events().forEach(events::publishEvent);
		events.publishEvent(new CaseChanged(opened.id(), now));
		events.publishEvent(new CaseAudit("system", "CASE_OPENED", opened.id().toString(), null,
				"report " + report.reportId(), now));
		return opened.id();
	}

	// ---- reading ----

	/**
	 * Opens a case for reading: for those who may view cases where it is (or where it is
	 * being transferred to), or under a provincial manager's unexpired break-glass. Every
	 * reading writes an access entry.
	 */
	@Transactional
	public CaseView open(Actor actor, CaseId id) {
		return open(actor, id, null);
	}

	/**
	 * Opens a case for reading like {@link #open(Actor, CaseId)}, naming in the access
	 * entry what the reading is for (e.g. which form was printed).
	 */
	@Transactional
	public CaseView open(Actor actor, CaseId id, String purpose) {
		CurrentUser user = actor.signedIn();
		ProtectionCase c = cases.find(id).orElseThrow(() -> new UnknownCase(id));
		boolean inScope = mayView(user, c);
		if (!inScope) {
			if (breakGlass.activeUntil(user, id).isEmpty()) {
				throw new vn.trean.identity.AccessRefused(Action.VIEW_CASES,
						authorization.permitsSomewhere(user, Action.BREAK_GLASS) ? "case.break-glass.needed"
								: "access.refused.jurisdiction");
			}
			audit.recordAccess(actor, "CASE", id.toString(),
					purpose == null ? "BREAK_GLASS" : "BREAK_GLASS " + purpose);
		}
		else {
			audit.recordAccess(actor, "CASE", id.toString(), purpose);
		}
		Set<NoteVisibility> visible = visibleTo(user, c);
		return new CaseView(c, cases.timeline(id, visible), cases.deadlinesOf(id), cases.reportsOf(id),
				cases.childrenOf(id), forms.of(c), steps(user, c), visible, !inScope);
	}

	private boolean mayView(CurrentUser user, ProtectionCase c) {
		return CaseReadingPolicy.inScope(authorization, user, c.unit(), c.transferTo());
	}

	private Set<NoteVisibility> visibleTo(CurrentUser user, ProtectionCase c) {
		Set<NoteVisibility> visible = EnumSet.of(NoteVisibility.CASE_TEAM);
		boolean commune = user.jurisdiction().equals(c.unit()) || user.jurisdiction().equals(c.transferTo());
		if (commune && (user.has(Role.COMMUNE_OFFICER) || user.has(Role.COMMUNE_CHAIR))) {
			visible.add(NoteVisibility.COMMUNE_ONLY);
			if (user.has(Role.COMMUNE_CHAIR) || Long.valueOf(user.id()).equals(c.assignedOfficer())) {
				visible.add(NoteVisibility.RESTRICTED);
			}
		}
		return visible;
	}

	/** The steps this user may take on the case now, for the page's buttons. */
	Set<CaseStep> steps(CurrentUser user, ProtectionCase c) {
		Set<CaseStep> allowed = EnumSet.noneOf(CaseStep.class);
		for (CaseStep step : CaseStep.values()) {
			if (step.possibleIn(c.status()) && step.decide(authorization, user, c).allowed()) {
				allowed.add(step);
			}
		}
		return allowed;
	}

	/** The deadline rules in force now. */
	@Transactional(readOnly = true)
	public DeadlineRules deadlineRules() {
		return settings.current();
	}

	/** The commune's officers a case may be assigned to. */
	@Transactional(readOnly = true)
	public List<CurrentUser> officersOf(UnitId unit) {
		return accounts.actingOn(unit, EnumSet.of(Role.COMMUNE_OFFICER))
			.stream()
			.map(r -> accounts.current(r.userId()))
			.flatMap(Optional::stream)
			.toList();
	}

	/** The display name of a user, if the account exists. */
	@Transactional(readOnly = true)
	public Optional<String> nameOf(Long userId) {
		return userId == null ? Optional.empty() : accounts.current(userId).map(CurrentUser::displayName);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
