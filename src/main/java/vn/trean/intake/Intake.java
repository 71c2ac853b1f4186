package vn.trean.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.audit.AuditLog;
import vn.trean.children.Child;
import vn.trean.children.ChildDetails;
import vn.trean.children.ChildId;
import vn.trean.children.ChildRegistry;
import vn.trean.children.PersonalIdNumber;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.ApiClient;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PhoneNumber;
import vn.trean.shared.VietnameseText;

/**
 * Recording reports from every channel with one set of rules, triage and routing; opening
 * them (access-logged, the reporter's identity only for those who may see it); the
 * inboxes.
 */
@Service
@Transactional
public class Intake {

	static final int MAX_ACCOUNT = 10_000;

	private static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ReportRepository reports;

	private final ChildRegistry children;

	private final Geography geography;

	private final Authorization authorization;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final IntakeSettings settings;

	private final Clock clock;

	private final ChildLinking linking;

	Intake(ReportRepository reports, ChildRegistry children, Geography geography, Authorization authorization,
			AuditLog audit, ApplicationEventPublisher events, IntakeSettings settings, Clock clock,
			ChildLinking linking) {
		this.linking = linking;
		this.reports = reports;
		this.children = children;
		this.geography = geography;
		this.authorization = authorization;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** The rules every channel applies; errors keyed by the form's field names. */
	@Transactional(readOnly = true)
	public FormErrors check(ReportDraft draft) {
		FormErrors errors = new FormErrors();
		if (draft.channel() == null) {
			errors.reject("channel", "validation.required");
		}
		if (!draft.anonymous()) {
			errors.checkPlainText("reporterName", draft.reporterName(), false, 200);
			if (draft.reporterPhone() != null && !draft.reporterPhone().isBlank()
					&& !PhoneNumber.isValid(draft.reporterPhone())) {
				errors.reject("reporterPhone", "validation.phone");
			}
		}
		if (draft.contactType() == null) {
			errors.reject("contactType", "validation.required");
		}
		else if (draft.contactType() == ContactType.HARM && draft.harmList().isEmpty()) {
			errors.reject("harmForms", "report.harm.required");
		}
		if (draft.harmList().stream().anyMatch(Objects::isNull)) {
			errors.reject("harmForms", "validation.invalid");
		}
		if (draft.dangerList().stream().anyMatch(Objects::isNull)) {
			errors.reject("dangerSigns", "validation.invalid");
		}
		errors.checkPlainText("account", draft.account(), true, MAX_ACCOUNT);
		if (draft.placeUnit() != null
				&& geography.find(new UnitId(draft.placeUnit())).filter(AdministrativeUnit::current).isEmpty()) {
			errors.reject("placeUnit", "validation.unit-unknown");
		}
		List<ReportDraft.ChildEntry> entries = draft.childList();
		if (entries.isEmpty() && draft.contactType() == ContactType.HARM && draft.channel() != Channel.ONLINE_FORM) {
			errors.reject("children", "report.children.required");
		}
		if (entries.size() > settings.maxChildren()) {
			errors.reject("children", "report.children.too-many");
		}
		Set<Object> seen = new java.util.HashSet<>();
		for (int i = 0; i < entries.size() && i < settings.maxChildren(); i++) {
			ReportDraft.ChildEntry entry = entries.get(i);
			String prefix = "children[" + i + "].";
			if (entry.linkInvalid() || entry.link() != null && children.find(entry.link()).isEmpty()) {
				errors.reject(prefix + "linkTo", "report.child.link-unknown");
			}
			// one child once: the same linked child, or the same new identification
			// number
			if (entry.link() != null && !seen.add(entry.link())) {
				errors.reject(prefix + "linkTo", "report.child.repeated");
			}
			children.check(entry.details(), prefix, errors);
			if (entry.link() == null && !errors.has(prefix + "personalId")) {
				PersonalIdNumber pid = PersonalIdNumber.parse(entry.personalId());
				if (pid != null && !seen.add(pid)) {
					errors.reject(prefix + "personalId", "report.child.repeated");
				}
				else if (pid != null && children.findByPersonalId(pid).isPresent()) {
					errors.reject(prefix + "personalId", "child.pid.registered");
				}
			}
			if (entry.residence() != null && !errors.has(prefix + "residence")
					&& geography.find(new UnitId(entry.residence())).isEmpty()) {
				errors.reject(prefix + "residence", "validation.unit-unknown");
			}
		}
		return errors;
	}

	/** A signed-in receiving point records a report. */
	public ReportReceipt record(CurrentUser operator, ReportDraft draft) {
		authorization.require(operator, Action.RECORD_REPORT, ResourceScope.at(operator.jurisdiction()));
		return save(draft,
				new Receiver(operator.id(), operator.agency() == null ? null : operator.agency().value(), null,
						geography.provinceOf(operator.jurisdiction()), operator.username()),
				ReportStatus.RECEIVED, (details, child) -> linking.userMayLink(operator, details, child));
	}

	/** Another system records a report through the API (token permission INTAKE). */
	public ReportReceipt recordFromApi(ApiClient client, UnitId clientUnit, ReportDraft draft) {
		ReportDraft viaApi = draft.withDefaultChannel(Channel.API);
		return save(viaApi, new Receiver(null, client.agency().value(), client.tokenId(),
				geography.provinceOf(clientUnit), "api:" + client.name()), ReportStatus.RECEIVED,
				ChildLinking::apiMayLink);
	}

	/**
	 * Someone from the public reports through the anonymous form; awaits verification.
	 */
	public ReportReceipt recordFromPublic(ReportDraft draft) {
		UnitId province = draft.placeUnit() == null ? null : geography.provinceOf(new UnitId(draft.placeUnit()));
		return save(draft, new Receiver(null, null, null, province, "public"), ReportStatus.AWAITING_VERIFICATION,
				(details, child) -> false);
	}

	private record Receiver(Long userId, Long agencyId, Long tokenId, UnitId province, String actor) {
	}

	/** Whether the receiver may link a child of the report to a registered child. */
	private interface LinkRule {

		boolean permits(ChildDetails submitted, Child registered);

	}

	private ReportReceipt save(ReportDraft draft, Receiver receiver, ReportStatus status, LinkRule links) {
		FormErrors errors = check(draft);
		if (errors.hasErrors()) {
			throw new InvalidReport(errors);
		}
		// a refused link reads like an unknown one: it tells nothing of the child
		Map<Integer, ChildId> linked = new HashMap<>();
		for (int i = 0; i < draft.childList().size(); i++) {
			ReportDraft.ChildEntry entry = draft.childList().get(i);
			if (entry.link() != null) {
				Child registered = children.find(entry.link()).orElseThrow();
				if (links.permits(entry.details(), registered)) {
					linked.put(i, registered.id());
				}
				else {
					errors.reject("children[" + i + "].linkTo", "report.child.link-unknown");
				}
			}
		}
		if (errors.hasErrors()) {
			throw new InvalidReport(errors);
		}
		// the database keeps microseconds: the receipt must name the time that is stored
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Report.ReportedChild> reported = new ArrayList<>();
		List<ReportDraft.ChildEntry> entries = draft.childList();
		children.lockPersonalIds(entries.stream()
			.filter(e -> e.link() == null)
			.map(e -> PersonalIdNumber.parse(e.personalId()))
			.filter(Objects::nonNull)
			.toList());
		for (int i = 0; i < entries.size(); i++) {
			ReportDraft.ChildEntry entry = entries.get(i);
			ChildDetails details = entry.details();
			ChildId child;
			try {
				child = entry.link() != null ? linked.get(i) : children.register(details, false);
			}
			catch (ChildRegistry.PersonalIdTaken ex) {
				// registered by another report a moment ago
				throw new InvalidReport(
						new FormErrors().reject("children[" + i + "].personalId", "child.pid.registered"));
			}
			reported.add(new Report.ReportedChild(child, VietnameseText.normalize(entry.fullName()), entry.sex(),
					entry.birthDate(), entry.approximateAge(),
					entry.personalId() == null || entry.personalId().isBlank() ? null
							: entry.personalId().replace(" ", ""),
					details.residence(), text(entry.addressDetail()), text(entry.school()), text(entry.parentName())));
		}
		Set<HarmForm> harms = draft.harmList().isEmpty() ? EnumSet.noneOf(HarmForm.class)
				: EnumSet.copyOf(draft.harmList());
		Set<DangerSign> dangers = draft.dangerList().isEmpty() ? EnumSet.noneOf(DangerSign.class)
				: EnumSet.copyOf(draft.dangerList());
		TriagePolicy.Triage triage = TriagePolicy.assess(draft.contactType(), harms, dangers,
				draft.perpetratorHasAccess(), now);
		UnitId place = draft.placeUnit() == null ? null : new UnitId(draft.placeUnit());
		UnitId residence = reported.stream()
			.map(Report.ReportedChild::residence)
			.filter(r -> r != null)
			.findFirst()
			.orElse(null);
		UnitId province = receiver.province() != null ? receiver.province()
				: residence != null ? geography.provinceOf(residence) : null;
		if (province == null) {
			FormErrors unplaced = new FormErrors().reject("placeUnit", "validation.required");
			throw new InvalidReport(unplaced);
		}
		RoutingPolicy.Routing routing = RoutingPolicy.route(geography, place, residence, province);
		PhoneNumber phone = draft.anonymous() ? null : PhoneNumber.parse(draft.reporterPhone());
		Report report = new Report(new ReportId(UUID.randomUUID()), newReferenceCode(), now, draft.channel(),
				receiver.userId(), receiver.agencyId(), receiver.tokenId(),
				new Report.Reporter(draft.anonymous(), draft.anonymous() ? null : text(draft.reporterName()),
						phone == null ? null : phone.value(), draft.anonymous() ? null : draft.reporterRelation(),
						!draft.anonymous() && Boolean.TRUE.equals(draft.reporterWantsFeedback())),
				reported, draft.contactType(), harms, draft.setting(), draft.perpetratorRelation(),
				Boolean.TRUE.equals(draft.perpetratorLivesWithChild()),
				Boolean.TRUE.equals(draft.perpetratorCanReachChild()), place,
				VietnameseText.normalizeParagraphs(draft.account()), dangers, triage.urgency(),
				triage.emergencyDecisionDue(), routing.unit(), routing.transferOut(), status);
		reports.insert(report);
		events.publishEvent(received(report));
		events.publishEvent(IntakeEvents.ReportAudit.recorded(receiver.actor(), report.id().toString(),
				report.channel() + " " + report.urgency() + " -> unit " + report.routedTo(), now));
		return new ReportReceipt(report.id(), report.referenceCode(), now, report.urgency(),
				report.emergencyDecisionDue(), report.routedTo(), report.transferOut());
	}

	/**
	 * Opens a report for reading: allowed for those who may see child records where it
	 * was routed, and for its recorder while their roles still let them record reports
	 * (ownership narrows a grant, never widens it). Writes an access entry; the
	 * reporter's identity is kept back unless the user may see it, and showing it writes
	 * its own access entry.
	 */
	public ReportView open(CurrentUser user, ReportId id, String clientAddress) {
		return open(user, id, clientAddress, null);
	}

	/**
	 * Opens a report like {@link #open(CurrentUser, ReportId, String)}, naming in the
	 * access entries what the reading is for (e.g. printing Mẫu 01).
	 */
	ReportView open(CurrentUser user, ReportId id, String clientAddress, String purpose) {
		Report report = reports.find(id).orElseThrow(() -> new UnknownReport(id));
		if (!recorderMayRead(user, report)) {
			authorization.require(user, Action.VIEW_CHILD_RECORDS, ResourceScope.at(report.routedTo()));
		}
		audit.recordAccess(vn.trean.identity.Actor.of(user, clientAddress), "REPORT", id.toString(), purpose);
		boolean identityVisible = !report.reporter().anonymous()
				&& authorization.decide(user, Action.VIEW_REPORTER_IDENTITY, ResourceScope.at(report.routedTo()))
					.allowed();
		if (identityVisible) {
			audit.recordAccess(vn.trean.identity.Actor.of(user, clientAddress), "REPORTER_IDENTITY", id.toString(),
					purpose);
		}
		reports.markNotificationRead(user.id(), id, clock.instant());
		return new ReportView(report, identityVisible);
	}

	/**
	 * The recorder reads their report under the grant they recorded it with: while they
	 * may still record reports, for the agency that received it. The receiving agency is
	 * the scope a report is made in (a focal point records for their agency; a hotline
	 * operator, who has no agency, may record anywhere), so a recorder moved to another
	 * agency, or whose roles no longer record, reads nothing for having been the author.
	 */
	private boolean recorderMayRead(CurrentUser user, Report report) {
		AgencyId receivedFor = report.receivingAgency() == null ? null : new AgencyId(report.receivingAgency());
		return Objects.equals(receivedFor, user.agency()) && authorization
			.decideAsAuthor(user, report.receivedBy(), Action.RECORD_REPORT, ResourceScope.at(user.jurisdiction()))
			.allowed();
	}

	/**
	 * What the case work needs to open a case from a report by hand (for a report no case
	 * took in, such as a contact first recorded as counselling): the same facts as
	 * {@link ReportReceived}, for a user who may read the report.
	 */
	@Transactional(readOnly = true)
	public ReportReceived facts(CurrentUser user, ReportId id) {
		Report report = reports.find(id).orElseThrow(() -> new UnknownReport(id));
		authorization.require(user, Action.VIEW_CHILD_RECORDS, ResourceScope.at(report.routedTo()));
		return received(report);
	}

	/** What the case work learns of a report: ids and facts, never personal data. */
	private static ReportReceived received(Report report) {
		return new ReportReceived(report.id(), report.receivedAt(), report.channel(), report.urgency(),
				report.emergencyDecisionDue(), report.routedTo(), report.transferOut(),
				report.children().stream().map(Report.ReportedChild::childId).toList(), report.contactType());
	}

	/** Whether the case work has taken the report into a case. */
	@Transactional(readOnly = true)
	public boolean inCase(ReportId id) {
		return reports.inCase(id);
	}

	/**
	 * An officer of the routed unit takes the report up: its reporter then sees it as
	 * being handled, and it moves below the reports nobody has taken up in the inbox. It
	 * is an act of its own, not a side effect of reading: a chair or a manager reading
	 * the report, or an officer glancing at it, must not tell the reporter that work has
	 * begun.
	 * @return whether the report was taken up now (false when someone had already)
	 */
	@Transactional
	public boolean takeUp(CurrentUser user, ReportId id, String clientAddress) {
		Report report = reports.find(id).orElseThrow(() -> new UnknownReport(id));
		authorization.require(user, Action.MANAGE_CASES, ResourceScope.at(report.routedTo()));
		if (!reports.markInHandling(id)) {
			return false;
		}
		events.publishEvent(
				IntakeEvents.ReportAudit.takenUp(user.username(), id.toString(), clientAddress, clock.instant()));
		return true;
	}

	/**
	 * The case work took the report into a case (opened one, or added it to the open case
	 * of its child): it moves below the reports nobody has taken up in the inbox.
	 */
	public void takenIntoCase(ReportId id) {
		reports.markTakenIntoCase(id);
	}

	/**
	 * Someone started work on the report's case (verification): its reporter sees it as
	 * being handled.
	 */
	public void handlingStarted(ReportId id) {
		reports.markInHandling(id);
	}

	/**
	 * Reports routed into the user's jurisdiction: those still needing attention first,
	 * the most urgent first (ReportRepository.routedTo).
	 */
	@Transactional(readOnly = true)
	public List<InboxItem> inbox(CurrentUser user, int limit) {
		authorization.requireSomewhere(user, Action.VIEW_CHILD_RECORDS);
		return reports.routedTo(authorization.unitsInReach(user, Action.VIEW_CHILD_RECORDS), clock.instant(), limit);
	}

	/**
	 * Reports the user recorded and may still read as their recorder (see
	 * {@link #recorderMayRead}), newest first.
	 */
	@Transactional(readOnly = true)
	public List<InboxItem> recordedBy(CurrentUser user, int limit) {
		authorization.require(user, Action.RECORD_REPORT, ResourceScope.at(user.jurisdiction()));
		return reports.recordedBy(user.id(), user.agency() == null ? null : user.agency().value(), limit);
	}

	@Transactional(readOnly = true)
	public Set<UUID> unread(CurrentUser user) {
		return reports.unreadNotifications(user.id());
	}

	/** What the public may learn from a reference code: only the status. */
	@Transactional(readOnly = true)
	public Optional<ReportStatus> publicStatus(String referenceCode) {
		if (referenceCode == null || !referenceCode.strip().toUpperCase().matches("[A-Z0-9]{10}")) {
			return Optional.empty();
		}
		return reports.statusByReference(referenceCode.strip().toUpperCase());
	}

	private static String newReferenceCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			code.append(REFERENCE_ALPHABET.charAt(RANDOM.nextInt(REFERENCE_ALPHABET.length())));
		}
		return code.toString();
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : VietnameseText.normalize(value);
	}

}
