package vn.trean.intake;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.audit.AuditLog;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.ApiClient;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.AgencyId;

/**
 * Recording reports from every channel with one set of rules, triage and routing; opening
 * them (access-logged, the reporter's identity only for those who may see it). The lists
 * of reports are {@link ReportLists}'.
 */
@Service
@Transactional
public class Intake {

	static final int MAX_ACCOUNT = ReportDraft.MAX_ACCOUNT;

	private final ReportRepository reports;

	private final ReportNotificationStore notifications;

	private final ReportRecording recording;

	private final Geography geography;

	private final Authorization authorization;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ChildLinking linking;

	private final Validator validator;

	Intake(ReportRepository reports, ReportNotificationStore notifications, ReportRecording recording,
			Geography geography, Authorization authorization, AuditLog audit, ApplicationEventPublisher events,
			Clock clock, ChildLinking linking, Validator validator) {
		this.reports = reports;
		this.notifications = notifications;
		this.recording = recording;
		this.geography = geography;
		this.authorization = authorization;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.linking = linking;
		this.validator = validator;
	}

	/** A signed-in receiving point records a report no form bound (a job, a test). */
	public ReportReceipt record(CurrentUser operator, ReportDraft draft) {
		return record(operator, BoundReport.checking(draft, validator));
	}

	/** A signed-in receiving point records a report. */
	ReportReceipt record(CurrentUser operator, BoundReport bound) {
		authorization.require(operator, Action.RECORD_REPORT, ResourceScope.at(operator.jurisdiction()));
		return recording.save(bound,
				new ReportRecording.Receiver(operator.id(),
						operator.agency() == null ? null : operator.agency().value(), null,
						geography.provinceOf(operator.jurisdiction()), operator.username(), ReportStatus.RECEIVED,
						(details, child) -> linking.userMayLink(operator, details, child), false));
	}

	/** Another system records a report through the API (token permission INTAKE). */
	ReportReceipt recordFromApi(ApiClient client, UnitId clientUnit, ReportDraft draft) {
		BoundReport bound = BoundReport.checking(draft.withDefaultChannel(Channel.API), validator);
		return recording.save(bound,
				new ReportRecording.Receiver(null, client.agency().value(), client.tokenId(),
						geography.provinceOf(clientUnit), "api:" + client.name(), ReportStatus.RECEIVED,
						ChildLinking::apiMayLink, false));
	}

	/**
	 * Someone from the public reports through the anonymous form; awaits verification.
	 */
	ReportReceipt recordFromPublic(BoundReport bound) {
		Long place = bound.draft().placeUnit();
		UnitId province = place == null ? null : geography.provinceOf(new UnitId(place));
		return recording.save(bound, new ReportRecording.Receiver(null, null, null, province, "public",
				ReportStatus.AWAITING_VERIFICATION, (details, child) -> false, true));
	}

	/**
	 * Opens a report for reading: allowed for those who may see child records where it
	 * was routed, and for its recorder while their roles still let them record reports
	 * (ownership narrows a grant, never widens it). Writes an access entry; the
	 * reporter's identity is kept back unless the user may see it, and showing it writes
	 * its own access entry.
	 */
	public ReportView open(Actor actor, ReportId id) {
		return open(actor, id, null);
	}

	/**
	 * Opens a report like {@link #open(Actor, ReportId)}, naming in the access entries
	 * what the reading is for (e.g. printing Mẫu 01).
	 */
	ReportView open(Actor actor, ReportId id, String purpose) {
		CurrentUser user = actor.signedIn();
		String clientAddress = actor.clientAddress();
		Report report = reports.find(id).orElseThrow(() -> new UnknownReport(id));
		if (!recorderMayRead(user, report)) {
			authorization.require(user, Action.VIEW_CHILD_RECORDS, ResourceScope.at(report.routedTo()));
		}
		audit.recordAccess(actor, "REPORT", id.toString(), purpose);
		boolean identityVisible = !report.reporter().anonymous()
				&& authorization.decide(user, Action.VIEW_REPORTER_IDENTITY, ResourceScope.at(report.routedTo()))
					.allowed();
		if (identityVisible) {
			audit.recordAccess(actor, "REPORTER_IDENTITY", id.toString(), purpose);
		}
		notifications.markRead(user.id(), id, clock.instant());
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
	static ReportReceived received(Report report) {
		return new ReportReceived(report.id(), report.receivedAt(), report.channel(), report.urgency(),
				report.emergencyDecisionDue(), report.routedTo(), report.transferOut(),
				report.children().stream().map(Report.ReportedChild::childId).toList(), report.contactType());
	}

	/**
	 * The danger a report told of, for the case work's decision pages: no personal data,
	 * so the case work shows it to whoever may read the case the report is in (which,
	 * after a transfer, is not the commune the report was routed to).
	 */
	@Transactional(readOnly = true)
	public Optional<ReportedDanger> dangerOf(ReportId id) {
		return reports.find(id)
			.map(r -> new ReportedDanger(r.id(), r.receivedAt(), r.urgency(), r.dangerSigns(), r.harmForms()));
	}

	/** The reference codes of these reports, by id: for the case file's links to them. */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, String> referenceCodes(java.util.Collection<UUID> ids) {
		return reports.referenceCodes(ids);
	}

	/** Whether the case work has taken the report into a case. */
	@Transactional(readOnly = true)
	public boolean inCase(ReportId id) {
		return reports.inCase(id);
	}

	/** The case the report went into, as the case work told intake of it. */
	@Transactional(readOnly = true)
	public Optional<CaseLink> caseOf(ReportId id) {
		return reports.caseOf(id);
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
	public boolean takeUp(Actor actor, ReportId id) {
		CurrentUser user = actor.signedIn();
		Report report = reports.find(id).orElseThrow(() -> new UnknownReport(id));
		authorization.require(user, Action.MANAGE_CASES, ResourceScope.at(report.routedTo()));
		if (!reports.markInHandling(id)) {
			return false;
		}
		events.publishEvent(IntakeEvents.ReportAudit.takenUp(user.username(), id.toString(), actor.clientAddress(),
				clock.instant()));
		return true;
	}

	@Transactional(readOnly = true)
	public Set<UUID> unread(CurrentUser user) {
		return notifications.unread(user.id());
	}

	/**
	 * What the public may learn from a reference code: only the status and the day the
	 * report came in.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicStatus> publicStatus(String referenceCode) {
		if (referenceCode == null || !referenceCode.strip().toUpperCase().matches("[A-Z0-9]{10}")) {
			return Optional.empty();
		}
		return reports.statusByReference(referenceCode.strip().toUpperCase());
	}

}
