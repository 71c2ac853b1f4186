package vn.trean.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.trean.children.Child;
import vn.trean.children.ChildDetails;
import vn.trean.children.ChildId;
import vn.trean.children.ChildRegistry;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PhoneNumber;
import vn.trean.shared.VietnameseText;

/**
 * Records a report from any channel, in the caller's transaction: checks it once
 * ({@link ReportPolicy} after the channel's binding), links and registers its children,
 * triages and routes it, and publishes {@link ReportReceived} with the audit entry.
 */
@Component
class ReportRecording {

	private static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ReportPolicy policy;

	private final ReportRepository reports;

	private final ChildRegistry children;

	private final Geography geography;

	private final EmergencyClock emergencyClock;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReportRecording(ReportPolicy policy, ReportRepository reports, ChildRegistry children, Geography geography,
			EmergencyClock emergencyClock, ApplicationEventPublisher events, Clock clock) {
		this.policy = policy;
		this.reports = reports;
		this.children = children;
		this.geography = geography;
		this.emergencyClock = emergencyClock;
		this.events = events;
		this.clock = clock;
	}

	/** Who received the report, and the province it was received in (if known). */
	record Receiver(Long userId, Long agencyId, Long tokenId, UnitId province, String actor, ReportStatus status,
			LinkRule links, boolean publicForm) {
	}

	/** Whether the receiver may link a child of the report to a registered child. */
	interface LinkRule {

		boolean permits(ChildDetails submitted, Child registered);

	}

	ReportReceipt save(BoundReport bound, Receiver receiver) {
		ReportDraft draft = policy.check(bound, receiver.publicForm()).orThrow(InvalidReport::new);
		// the database keeps microseconds: the receipt must name the time that is stored
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Report.ReportedChild> reported = reportedChildren(draft, receiver.links());
		Set<HarmForm> harms = draft.harmList().isEmpty() ? EnumSet.noneOf(HarmForm.class)
				: EnumSet.copyOf(draft.harmList());
		Set<DangerSign> dangers = draft.dangerList().isEmpty() ? EnumSet.noneOf(DangerSign.class)
				: EnumSet.copyOf(draft.dangerList());
		Urgency urgency = TriagePolicy.assess(draft.contactType(), harms, dangers, draft.perpetratorHasAccess());
		UnitId place = draft.placeUnit() == null ? null : new UnitId(draft.placeUnit());
		UnitId residence = reported.stream()
			.map(Report.ReportedChild::residence)
			.filter(r -> r != null)
			.findFirst()
			.orElse(null);
		RoutingPolicy.Routing routing = RoutingPolicy.route(geography, place, residence, province(receiver, residence));
		Report.Reporter reporter = reporter(draft);
		Report report = new Report(new ReportId(UUID.randomUUID()), newReferenceCode(), now, draft.channel(),
				receiver.userId(), receiver.agencyId(), receiver.tokenId(), reporter, reported, draft.contactType(),
				harms, draft.setting(), draft.perpetratorRelation(),
				Boolean.TRUE.equals(draft.perpetratorLivesWithChild()),
				Boolean.TRUE.equals(draft.perpetratorCanReachChild()), place,
				VietnameseText.normalizeParagraphs(draft.account()), dangers, urgency,
				emergencyClock.decisionDue(urgency, now), routing.unit(), routing.transferOut(), receiver.status());
		reports.insert(report);
		publish(report, receiver.actor(), now);
		return new ReportReceipt(report.id(), report.referenceCode(), now, report.urgency(),
				report.emergencyDecisionDue(), report.routedTo(), report.transferOut());
	}

	/**
	 * The province the report is received in: the receiver's, or that of the first
	 * child's residence.
	 */
	private UnitId province(Receiver receiver, UnitId residence) {
		UnitId province = receiver.province() != null ? receiver.province()
				: residence != null ? geography.provinceOf(residence) : null;
		if (province == null) {
			throw new InvalidReport(new FormErrors().reject("placeUnit", "validation.required"));
		}
		return province;
	}

	/** The reporter as recorded: nothing but the wish for anonymity when anonymous. */
	private static Report.Reporter reporter(ReportDraft draft) {
		PhoneNumber phone = draft.anonymous() ? null : PhoneNumber.parse(draft.reporterPhone());
		return new Report.Reporter(draft.anonymous(), draft.anonymous() ? null : text(draft.reporterName()),
				phone == null ? null : phone.value(), draft.anonymous() ? null : draft.reporterRelation(),
				!draft.anonymous() && Boolean.TRUE.equals(draft.reporterWantsFeedback()));
	}

	/** The event the case work and notifications follow, and the audit entry. */
	private void publish(Report report, String actor, Instant now) {
		events.publishEvent(Intake.received(report));
		events.publishEvent(IntakeEvents.ReportAudit.recorded(actor, report.id().toString(),
				report.channel() + " " + report.urgency() + " -> unit " + report.routedTo(), now));
	}

	/**
	 * The report's children: the linked ones the receiver may link (a refused link reads
	 * like an unknown one: it tells nothing of the child), the new ones registered.
	 */
	private List<Report.ReportedChild> reportedChildren(ReportDraft draft, LinkRule links) {
		List<ReportDraft.ChildEntry> entries = draft.childList();
		FormErrors refused = new FormErrors();
		ChildId[] ids = new ChildId[entries.size()];
		List<Integer> fresh = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			ReportDraft.ChildEntry entry = entries.get(i);
			if (entry.link() == null) {
				fresh.add(i);
				continue;
			}
			Child registered = children.find(entry.link()).orElseThrow();
			if (links.permits(entry.details(), registered)) {
				ids[i] = registered.id();
			}
			else {
				refused.reject("children[" + i + "].linkTo", "report.child.link-unknown");
			}
		}
		if (refused.hasErrors()) {
			throw new InvalidReport(refused);
		}
		register(entries, fresh, ids);
		List<Report.ReportedChild> reported = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			ReportDraft.ChildEntry entry = entries.get(i);
			reported.add(new Report.ReportedChild(ids[i], VietnameseText.normalize(entry.fullName()), entry.sex(),
					entry.birthDate(), entry.approximateAge(),
					entry.personalId() == null || entry.personalId().isBlank() ? null
							: entry.personalId().replace(" ", ""),
					entry.details().residence(), text(entry.addressDetail()), text(entry.school()),
					text(entry.parentName())));
		}
		return reported;
	}

	private void register(List<ReportDraft.ChildEntry> entries, List<Integer> fresh, ChildId[] ids) {
		try {
			List<ChildId> registered = children
				.registerChecked(fresh.stream().map(i -> entries.get(i).details()).toList(), false);
			for (int n = 0; n < fresh.size(); n++) {
				ids[fresh.get(n)] = registered.get(n);
			}
		}
		catch (ChildRegistry.PersonalIdTaken ex) {
			// registered by another report a moment ago
			throw new InvalidReport(new FormErrors().reject("children[" + fresh.get(ex.position()) + "].personalId",
					"child.pid.registered"));
		}
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
