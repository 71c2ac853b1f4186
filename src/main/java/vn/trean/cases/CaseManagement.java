package vn.trean.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.audit.AuditLog;
import vn.trean.directory.Directory;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.identity.Role;
import vn.trean.intake.ContactType;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportId;
import vn.trean.intake.ReportReceived;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Time;
import vn.trean.shared.VietnameseText;

/**
 * Case work: opening cases from reports, reading them (access-logged, with break-glass
 * for a provincial manager outside their scope), and every statutory step, each checked
 * by {@link Authorization} against the commune the case belongs to and refused by the
 * aggregate when out of order. Every step saves with optimistic locking.
 */
@Service
@Transactional
public class CaseManagement {

	/** Rows per page of a case list: light enough for a phone on 3G. */
	public static final int PAGE_SIZE = 50;

	private final CaseRepository cases;

	private final DeadlineSettings settings;

	private final Authorization authorization;

	private final Geography geography;

	private final Accounts accounts;

	private final Intake intake;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final CasesSettings casesSettings;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseManagement(CaseRepository cases, DeadlineSettings settings, Authorization authorization, Geography geography,
			Accounts accounts, Intake intake, AuditLog audit, ApplicationEventPublisher events,
			CasesSettings casesSettings, Directory directory, JdbcClient jdbc, Clock clock) {
		this.cases = cases;
		this.settings = settings;
		this.authorization = authorization;
		this.geography = geography;
		this.accounts = accounts;
		this.intake = intake;
		this.audit = audit;
		this.events = events;
		this.casesSettings = casesSettings;
		this.directory = directory;
		this.jdbc = jdbc;
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
		take(report, new ProtectionCase.Actor(0, "Trẻ An"), null);
	}

	/**
	 * A commune officer opens a case from a report routed to their commune that no case
	 * took in (a contact first recorded as counselling that turns out to be harm), or
	 * adds it to the open case of its child. Returns the case.
	 */
	public CaseId openFromReport(CurrentUser officer, ReportId reportId, String clientAddress) {
		ReportReceived report = intake.facts(officer, reportId);
		authorization.require(officer, Action.MANAGE_CASES, ResourceScope.at(report.routedTo()));
		Optional<CaseId> existing = cases.caseOfReport(reportId.value());
		if (existing.isPresent()) {
			return existing.get();
		}
		if (geography.get(report.routedTo()).level() != AdministrativeUnit.Level.COMMUNE) {
			throw new CaseRuleBroken("case.open.not-commune");
		}
		CaseId id = take(report, new ProtectionCase.Actor(officer.id(), officer.displayName()), officer.id());
		events.publishEvent(new CaseAudit(officer.username(), "CASE_OPENED_BY_OFFICER", id.toString(), clientAddress,
				"report " + reportId, now()));
		return id;
	}

	/**
	 * Adds the report to its child's open case in the commune it was routed to, or opens
	 * one there; the case it went to. A child's open case in another commune (she moved)
	 * does not take the report: its officers may not read a report routed elsewhere.
	 */
	private CaseId take(ReportReceived report, ProtectionCase.Actor actor, Long assignTo) {
		Instant now = now();
		cases.lockChildren(report.children());
		Optional<CaseId> existing = cases.openCaseOfAny(report.children(), report.routedTo());
		if (existing.isPresent()) {
			ProtectionCase open = cases.findForUpdate(existing.get()).orElseThrow();
			open.linkReport(actor, report.reportId().toString(), report.emergencyDecisionDue());
			cases.update(open, actor, now);
			cases.linkReport(open.id(), report.reportId().value(), now);
			cases.addChildren(open.id(), report.children());
			intake.takenIntoCase(report.reportId());
			return open.id();
		}
		Long officer = assignTo != null ? assignTo
				: accounts.actingOn(report.routedTo(), EnumSet.of(Role.COMMUNE_OFFICER))
					.stream()
					.map(Accounts.Recipient::userId)
					.min(Long::compare)
					.orElse(null);
		ProtectionCase opened = ProtectionCase.open(new CaseId(UUID.randomUUID()), cases.nextReferenceCode(now),
				report.routedTo(), officer, report.urgency(), now, report.receivedAt(), false, actor,
				settings.current());
		cases.insert(opened, actor, now);
		cases.linkReport(opened.id(), report.reportId().value(), now);
		cases.addChildren(opened.id(), report.children());
		intake.takenIntoCase(report.reportId());
		opened.events().forEach(events::publishEvent);
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
	public CaseView open(CurrentUser user, CaseId id, String clientAddress) {
		return open(user, id, clientAddress, null);
	}

	/**
	 * Opens a case for reading like {@link #open(CurrentUser, CaseId, String)}, naming in
	 * the access entry what the reading is for (e.g. which form was printed).
	 */
	@Transactional
	public CaseView open(CurrentUser user, CaseId id, String clientAddress, String purpose) {
		ProtectionCase c = cases.find(id).orElseThrow(() -> new UnknownCase(id));
		boolean inScope = mayView(user, c);
		if (!inScope) {
			if (activeBreakGlass(user, id).isEmpty()) {
				throw new vn.trean.identity.AccessRefused(Action.VIEW_CASES,
						authorization.permitsSomewhere(user, Action.BREAK_GLASS) ? "case.break-glass.needed"
								: "access.refused.jurisdiction");
			}
			audit.recordAccess(vn.trean.identity.Actor.of(user, clientAddress), "CASE", id.toString(),
					purpose == null ? "BREAK_GLASS" : "BREAK_GLASS " + purpose);
		}
		else {
			audit.recordAccess(vn.trean.identity.Actor.of(user, clientAddress), "CASE", id.toString(), purpose);
		}
		Set<NoteVisibility> visible = visibleTo(user, c);
		return new CaseView(c, cases.timeline(id, visible), cases.deadlinesOf(id), cases.reportsOf(id),
				cases.childrenOf(id), forms(c), steps(user, c), visible, !inScope);
	}

	private CaseView.Forms forms(ProtectionCase c) {
		return new CaseView.Forms(
				cases.latestFormEver(c.id(), CaseForm.INITIAL_ASSESSMENT, InitialAssessment.class).orElse(null),
				cases.latestFormEver(c.id(), CaseForm.NEEDS_ASSESSMENT, NeedsAssessment.class).orElse(null),
				cases.latestForm(c.id(), CaseForm.SUPPORT_PLAN, c.cycle(), SupportPlan.class).orElse(null),
				cases.latestForm(c.id(), CaseForm.PLAN_DECISION, c.cycle(), PlanDecision.class).orElse(null),
				cases.latestFormEver(c.id(), CaseForm.EMERGENCY_DECISION, EmergencyDecision.class).orElse(null),
				cases.latestForm(c.id(), CaseForm.CLOSING_ASSESSMENT, c.cycle(), ClosingAssessment.class).orElse(null));
	}

	private boolean mayView(CurrentUser user, ProtectionCase c) {
		return authorization.decide(user, Action.VIEW_CASES, ResourceScope.at(c.unit())).allowed()
				|| (c.transferTo() != null
						&& authorization.decide(user, Action.VIEW_CASES, ResourceScope.at(c.transferTo())).allowed());
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
			if (step.possibleIn(c.status()) && authorization.decide(user, step.action(), ResourceScope
				.at(step == CaseStep.ACCEPT_TRANSFER || step == CaseStep.DECLINE_TRANSFER ? c.transferTo() : c.unit()))
				.allowed()) {
				allowed.add(step);
			}
		}
		return allowed;
	}

	/**
	 * Open cases assigned to the user that their roles still let them see, the nearest
	 * deadline first: an assignment narrows the list, it grants nothing.
	 */
	@Transactional(readOnly = true)
	public List<CaseSummary> myCases(CurrentUser user, int page) {
		authorization.requireSomewhere(user, Action.VIEW_CASES);
		return cases.assignedTo(user.id(), authorization.unitsInReach(user, Action.VIEW_CASES), PAGE_SIZE + 1,
				offset(page));
	}

	/** Open cases in the user's jurisdiction, the nearest deadline first. */
	@Transactional(readOnly = true)
	public List<CaseSummary> inJurisdiction(CurrentUser user, int page) {
		authorization.requireSomewhere(user, Action.VIEW_CASES);
		return cases.openIn(authorization.unitsInReach(user, Action.VIEW_CASES), PAGE_SIZE + 1, offset(page));
	}

	/** Legal steps overdue in the user's jurisdiction, the longest overdue first. */
	@Transactional(readOnly = true)
	public List<OverdueStep> overdue(CurrentUser user, int page) {
		authorization.requireSomewhere(user, Action.VIEW_CASES);
		return cases.overdueIn(authorization.unitsInReach(user, Action.VIEW_CASES), now(), PAGE_SIZE + 1, offset(page));
	}

	private static int offset(int page) {
		return Math.max(0, Math.min(page, 10_000)) * PAGE_SIZE;
	}

	/** The deadline rules in force now. */
	@Transactional(readOnly = true)
	public DeadlineRules deadlineRules() {
		return settings.current();
	}

	// ---- break-glass ----

	/**
	 * A provincial manager opens a case outside their scope for a stated reason; the
	 * access expires after the configured time and is flagged in the audit log.
	 */
	public Instant breakGlass(CurrentUser user, CaseId id, String reason, String clientAddress) {
		authorization.require(user, Action.BREAK_GLASS, ResourceScope.at(user.jurisdiction()));
		cases.find(id).orElseThrow(() -> new UnknownCase(id));
		FormErrors errors = new FormErrors().checkText("reason", reason, true, 1000);
		if (!errors.has("reason") && reason.strip().length() < 10) {
			errors.reject("reason", "case.break-glass.reason-short");
		}
		if (errors.hasErrors()) {
			throw new InvalidCaseInput(errors);
		}
		Instant now = now();
		Instant expires = now.plus(casesSettings.breakGlassDuration());
		jdbc.sql("""
				INSERT INTO case_break_glass (case_id, user_id, reason, granted_at, expires_at)
				VALUES (:case, :user, :reason, :at, :expires)""")
			.param("case", id.value())
			.param("user", user.id())
			.param("reason", VietnameseText.normalize(reason.strip()))
			.param("at", java.sql.Timestamp.from(now))
			.param("expires", java.sql.Timestamp.from(expires))
			.update();
		events.publishEvent(
				new CaseAudit(user.username(), "BREAK_GLASS", id.toString(), clientAddress, "until " + expires, now));
		return expires;
	}

	private Optional<Instant> activeBreakGlass(CurrentUser user, CaseId id) {
		if (!authorization.permitsSomewhere(user, Action.BREAK_GLASS)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT max(expires_at) FROM case_break_glass WHERE user_id = :user AND case_id = :case
				  AND expires_at > :now""")
			.param("user", user.id())
			.param("case", id.value())
			.param("now", java.sql.Timestamp.from(now()))
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant);
	}

	// ---- the statutory steps ----

	public void startVerification(CurrentUser user, CaseId id, int version, String clientAddress) {
		change(user, id, version, CaseStep.START_VERIFICATION, clientAddress, (c, a) -> c.startVerification(a));
		cases.reportsOf(id).forEach(report -> intake.handlingStarted(new ReportId(report)));
	}

	public void confirmHarm(CurrentUser user, CaseId id, int version, String findings, String clientAddress) {
		requireText("findings", findings, true);
		change(user, id, version, CaseStep.CONFIRM_HARM, clientAddress, (c, a) -> c.confirmHarm(a, clean(findings)));
	}

	public void closeAsNotSubstantiated(CurrentUser user, CaseId id, int version, String reason, String clientAddress) {
		requireText("reason", reason, true);
		change(user, id, version, CaseStep.NOT_SUBSTANTIATED, clientAddress,
				(c, a) -> c.closeAsNotSubstantiated(a, now(), clean(reason)));
	}

	public void recordInitialAssessment(CurrentUser user, CaseId id, int version, InitialAssessment form,
			String clientAddress) {
		check(form.check());
		change(user, id, version, CaseStep.INITIAL_ASSESSMENT, clientAddress,
				(c, a) -> c.recordInitialAssessment(a, now(), form, settings.current()));
	}

	public void recordNeedsAssessment(CurrentUser user, CaseId id, int version, NeedsAssessment form,
			String clientAddress) {
		check(form.check(today()));
		change(user, id, version, CaseStep.NEEDS_ASSESSMENT, clientAddress, (c, a) -> c.recordNeedsAssessment(a, form));
	}

	public void draftPlan(CurrentUser user, CaseId id, int version, SupportPlan plan, String clientAddress) {
		check(plan.check());
		change(user, id, version, CaseStep.DRAFT_PLAN, clientAddress, (c, a) -> c.draftPlan(a, plan));
	}

	public void submitPlan(CurrentUser user, CaseId id, int version, String clientAddress) {
		change(user, id, version, CaseStep.SUBMIT_PLAN, clientAddress,
				(c, a) -> c.submitPlan(a, now(), settings.current()));
	}

	public void decideOnPlan(CurrentUser user, CaseId id, int version, PlanDecision decision, String clientAddress) {
		check(decision.check(today()));
		change(user, id, version, decision.approved() ? CaseStep.APPROVE_PLAN : CaseStep.RETURN_PLAN, clientAddress,
				(c, a) -> {
					if (decision.approved()) {
						c.approvePlan(a, now(), decision, settings.current());
					}
					else {
						c.returnPlan(a, now(), decision, settings.current());
					}
				});
	}

	public void recordEmergencyDecision(CurrentUser user, CaseId id, int version, EmergencyDecision decision,
			String clientAddress) {
		ProtectionCase c = load(id);
		DeadlineRules rules = settings.current();
		check(decision.check(now(), c.file().firstReceivedAt(), rules.maxSeparationDays()));
		change(user, id, version, CaseStep.EMERGENCY_DECISION, clientAddress,
				(k, a) -> k.recordEmergencyDecision(a, decision, rules));
	}

	public void startReview(CurrentUser user, CaseId id, int version, String clientAddress) {
		change(user, id, version, CaseStep.START_REVIEW, clientAddress, (c, a) -> c.startReview(a));
	}

	public void recordClosingAssessment(CurrentUser user, CaseId id, int version, ClosingAssessment form,
			String clientAddress) {
		check(form.check());
		change(user, id, version, CaseStep.CLOSING_ASSESSMENT, clientAddress,
				(c, a) -> c.recordClosingAssessment(a, form));
	}

	public void close(CurrentUser user, CaseId id, int version, String overrideReason, String clientAddress) {
		requireText("overrideReason", overrideReason, false);
		change(user, id, version, CaseStep.CLOSE, clientAddress, (c, a) -> c.close(a, now(), clean(overrideReason)));
	}

	public void startNewCycle(CurrentUser user, CaseId id, int version, String reason, String clientAddress) {
		requireText("reason", reason, true);
		change(user, id, version, CaseStep.NEW_CYCLE, clientAddress,
				(c, a) -> c.startNewCycle(a, now(), clean(reason), settings.current()));
	}

	public void reopen(CurrentUser user, CaseId id, int version, String reason, String clientAddress) {
		requireText("reason", reason, true);
		change(user, id, version, CaseStep.REOPEN, clientAddress,
				(c, a) -> c.reopen(a, now(), clean(reason), settings.current()));
	}

	public void requestTransfer(CurrentUser user, CaseId id, int version, Long toUnit, String reason,
			String clientAddress) {
		FormErrors errors = new FormErrors().checkText("reason", reason, true, 2000);
		UnitId to = toUnit == null ? null : new UnitId(toUnit);
		if (to == null) {
			errors.reject("toUnit", "validation.required");
		}
		else if (geography.find(to)
			.filter(u -> u.current() && u.level() == AdministrativeUnit.Level.COMMUNE)
			.isEmpty()) {
			errors.reject("toUnit", "validation.unit-unknown");
		}
		check(errors);
		change(user, id, version, CaseStep.REQUEST_TRANSFER, clientAddress,
				(c, a) -> c.requestTransfer(a, to, clean(reason)));
	}

	public void acceptTransfer(CurrentUser user, CaseId id, int version, String clientAddress) {
		change(user, id, version, CaseStep.ACCEPT_TRANSFER, clientAddress, (c, a) -> c.acceptTransfer(a, now()));
	}

	public void declineTransfer(CurrentUser user, CaseId id, int version, String reason, String clientAddress) {
		requireText("reason", reason, true);
		change(user, id, version, CaseStep.DECLINE_TRANSFER, clientAddress,
				(c, a) -> c.declineTransfer(a, clean(reason)));
	}

	public void assign(CurrentUser user, CaseId id, int version, Long officerId, String clientAddress) {
		ProtectionCase c = load(id);
		Optional<CurrentUser> officer = officerId == null ? Optional.empty() : accounts.current(officerId);
		if (officer.isEmpty() || !officer.get().has(Role.COMMUNE_OFFICER)
				|| !officer.get().jurisdiction().equals(c.unit())) {
			throw new InvalidCaseInput(new FormErrors().reject("officer", "case.assign.not-officer"));
		}
		change(user, id, version, CaseStep.ASSIGN, clientAddress,
				(k, a) -> k.assign(a, officerId, officer.get().displayName()));
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

	public void addNote(CurrentUser user, CaseId id, int version, String text, NoteVisibility visibility,
			String clientAddress) {
		FormErrors errors = new FormErrors().checkText("text", text, true, 10_000);
		if (visibility == null) {
			errors.reject("visibility", "validation.required");
		}
		check(errors);
		change(user, id, version, CaseStep.ADD_NOTE, clientAddress, (c, a) -> c.addNote(a, clean(text), visibility));
	}

	/**
	 * A service delivered under the plan: type, provider from the directory, date,
	 * outcome.
	 */
	public record ServiceDelivered(SupportMeasure type, Long provider, LocalDate deliveredOn, String outcome) {
	}

	public void recordService(CurrentUser user, CaseId id, int version, ServiceDelivered service,
			String clientAddress) {
		FormErrors errors = new FormErrors();
		if (service.type() == null) {
			errors.reject("type", "validation.required");
		}
		if (service.deliveredOn() == null) {
			errors.reject("deliveredOn", "validation.required");
		}
		else if (service.deliveredOn().isAfter(today())) {
			errors.reject("deliveredOn", "validation.date-future");
		}
		if (service.provider() != null && directory.find(new AgencyId(service.provider())).isEmpty()) {
			errors.reject("provider", "validation.invalid");
		}
		errors.checkText("outcome", service.outcome(), false, 2000);
		check(errors);
		change(user, id, version, CaseStep.RECORD_SERVICE, clientAddress, (c, a) -> {
			c.recordService(a, service.type().name());
			jdbc.sql("""
					INSERT INTO case_service (case_id, service_type, provider_id, delivered_on, outcome, recorded_by,
					  recorded_at) VALUES (:id, :type, :provider, :on, :outcome, :by, :at)""")
				.param("id", id.value())
				.param("type", service.type().name())
				.param("provider", service.provider())
				.param("on", service.deliveredOn())
				.param("outcome", clean(service.outcome()))
				.param("by", user.id())
				.param("at", java.sql.Timestamp.from(now()))
				.update();
		});
	}

	// ---- plumbing ----

	/**
	 * Takes a step: the user must be allowed it where the case is, the case unchanged
	 * since {@code version}; the verb then records what happened, and the case saves with
	 * a new version. Package-visible for the other services of cases (attachments).
	 */
	void change(CurrentUser user, CaseId id, int version, CaseStep step, String clientAddress,
			java.util.function.BiConsumer<ProtectionCase, ProtectionCase.Actor> verb) {
		ProtectionCase c = load(id);
		UnitId where = step == CaseStep.ACCEPT_TRANSFER || step == CaseStep.DECLINE_TRANSFER ? c.transferTo()
				: c.unit();
		if (where == null) {
			throw new CaseRuleBroken("case.transition.refused", c.status());
		}
		authorization.require(user, step.action(), ResourceScope.at(where));
		if (c.version() != version) {
			throw new CaseEditedConcurrently(id);
		}
		Instant now = now();
		ProtectionCase.Actor actor = new ProtectionCase.Actor(user.id(), user.displayName());
		verb.accept(c, actor);
		cases.update(c, actor, now);
		c.events().forEach(events::publishEvent);
		events.publishEvent(new CaseAudit(user.username(), "CASE_" + step.name(), id.toString(), clientAddress,
				c.status().name(), now));
	}

	private ProtectionCase load(CaseId id) {
		return cases.find(id).orElseThrow(() -> new UnknownCase(id));
	}

	private static void check(FormErrors errors) {
		if (errors.hasErrors()) {
			throw new InvalidCaseInput(errors);
		}
	}

	private static void requireText(String field, String value, boolean required) {
		check(new FormErrors().checkText(field, value, required, 5000));
	}

	private static String clean(String value) {
		return value == null || value.isBlank() ? null : VietnameseText.normalize(value.strip());
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

}
