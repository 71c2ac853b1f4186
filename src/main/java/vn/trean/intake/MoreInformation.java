package vn.trean.intake;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;

/**
 * A report sent back to its receiving point for more information: an officer of the unit
 * it was routed to asks, the receiving point answers, and the answer is added to the
 * report under its account. Who may do which is {@link MoreInformationPolicy}'s.
 */
@Service
@Transactional
class MoreInformation {

	private final ReportRepository reports;

	private final InformationRequestStore requests;

	private final MoreInformationPolicy policy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MoreInformation(ReportRepository reports, InformationRequestStore requests, MoreInformationPolicy policy,
			ApplicationEventPublisher events, Clock clock) {
		this.reports = reports;
		this.requests = requests;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The officer asks; refused while a request is open or the report is past
	 * verification.
	 */
	void ask(Actor actor, ReportId id, String question) {
		CurrentUser user = actor.signedIn();
		Report report = readable(user, id);
		policy.requireMayAsk(user, report);
		InformationRequest request = new InformationRequest(UUID.randomUUID(), id, user.id(), user.displayName(),
				clock.instant(), question, null, null, null, null);
		if (!requests.insert(request)) {
			throw new InformationRuleBroken("report.information.open-already");
		}
		events.publishEvent(IntakeEvents.ReportAudit.informationRequested(actor.name(), id.toString(),
				actor.clientAddress(), request.id().toString(), request.askedAt()));
	}

	/** The receiving point answers an open request; the answer is added to the report. */
	void answer(Actor actor, ReportId id, UUID requestId, String answer) {
		CurrentUser user = actor.signedIn();
		Report report = reports.find(id).orElseThrow(() -> new UnknownReport(id));
		InformationRequest request = requests.find(requestId)
			.filter(r -> r.reportId().equals(id))
			.orElseThrow(() -> new UnknownReport(id));
		if (!policy.mayAnswer(user, report)) {
			throw new AccessRefused(Action.RECORD_REPORT, "report.information.not-recorder");
		}
		var at = clock.instant();
		if (!request.open() || !requests.answer(requestId, user.id(), user.displayName(), at, answer)) {
			throw new InformationRuleBroken("report.information.answered-already");
		}
		events.publishEvent(IntakeEvents.ReportAudit.informationSupplied(actor.name(), id.toString(),
				actor.clientAddress(), requestId.toString(), at));
	}

	/**
	 * What the report page shows of the requests to this user, who has just opened the
	 * report: reading it ends the asking officer's "information supplied" item.
	 */
	OnPage onPage(CurrentUser user, Report report) {
		List<InformationRequest> all = requests.ofReport(report.id());
		requests.markAnswersSeen(report.id(), user.id(), clock.instant());
		InformationRequest open = all.stream().filter(InformationRequest::open).findFirst().orElse(null);
		boolean mayAsk = open == null && policy.mayAsk(user, report).allowed();
		boolean mayAnswer = open != null && policy.mayAnswer(user, report);
		return new OnPage(all, open, mayAsk, mayAnswer);
	}

	/**
	 * The report, for a user who may read it where it was routed; to anyone else it does
	 * not exist, so an officer of another commune learns nothing by asking.
	 */
	private Report readable(CurrentUser user, ReportId id) {
		Report report = reports.find(id).orElseThrow(() -> new UnknownReport(id));
		if (!policy.mayRead(user, report)) {
			throw new UnknownReport(id);
		}
		return report;
	}

	/** The requests of a report as its page shows them. */
	record OnPage(List<InformationRequest> requests, @Nullable InformationRequest open, boolean mayAsk,
			boolean mayAnswer) {

	}

	/** A request for more information refused by a rule of the flow (409). */
	static class InformationRuleBroken extends vn.trean.shared.RuleBroken {

		InformationRuleBroken(String messageKey) {
			super(messageKey, null);
		}

	}

}
