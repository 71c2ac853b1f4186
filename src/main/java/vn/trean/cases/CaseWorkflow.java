package vn.trean.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.directory.Directory;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.ReportHandlingStarted;
import vn.trean.intake.ReportId;
import vn.trean.intake.ReportVerificationSettled;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.Time;

import static vn.trean.cases.CaseChanges.clean;

/**
 * The statutory steps taken with a button and at most a reason, and the case file's own
 * steps (assigning the officer, notes, services delivered), each checked by
 * {@code Authorization} against the commune the case belongs to and refused by the
 * aggregate when out of order ({@link CaseChanges}). The official forms are
 * {@link CaseForms}; transfers between communes {@link CaseTransfers}.
 */
@Service
@Transactional
public class CaseWorkflow {

	/** The longest reason a step takes. */
	static final int MAX_REASON = 5000;

	/** The field of the chair's reason for closing while referrals are open. */
	static final String OPEN_REFERRALS_REASON = "openReferralsReason";

	private final CaseChanges changes;

	private final DeadlineSettings settings;

	private final Accounts accounts;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final CaseRepository cases;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final ReferralsOnCase referrals;

	private final Clock clock;

	CaseWorkflow(CaseChanges changes, DeadlineSettings settings, Accounts accounts,
			org.springframework.context.ApplicationEventPublisher events, CaseRepository cases, Directory directory,
			JdbcClient jdbc, ReferralsOnCase referrals, Clock clock) {
		this.changes = changes;
		this.settings = settings;
		this.accounts = accounts;
		this.events = events;
		this.cases = cases;
		this.directory = directory;
		this.jdbc = jdbc;
		this.referrals = referrals;
		this.clock = clock;
	}

	/** A note on the case's timeline, for those who may see its visibility. */
	public record Note(@NotBlank @PlainText(max = 10_000, markup = true) String text,
			@NotNull NoteVisibility visibility) {
	}

	/** The officer the case is assigned to. */
	public record Assignment(@NotNull(message = "case.assign.not-officer") Long officer) {
	}

	/**
	 * A service delivered under the plan: type, provider from the directory, date,
	 * outcome.
	 */
	public record ServiceDelivered(@NotNull SupportMeasure type, Long provider, @NotNull LocalDate deliveredOn,
			@PlainText(max = 2000, markup = true) String outcome) {
	}

	public void startVerification(Actor actor, CaseId id, int version) {
		changes.change(actor, id, version, CaseStep.START_VERIFICATION, (c, a) -> c.startVerification(a));
		cases.reportsOf(id).forEach(report -> events.publishEvent(new ReportHandlingStarted(new ReportId(report))));
	}

	public void confirmHarm(Actor actor, CaseId id, int version, String findings) {
		checkReason(CaseStep.CONFIRM_HARM, findings);
		changes.change(actor, id, version, CaseStep.CONFIRM_HARM, (c, a) -> c.confirmHarm(a, clean(findings)));
		verification(id, true);
	}

	public void closeAsNotSubstantiated(Actor actor, CaseId id, int version, String reason) {
		checkReason(CaseStep.NOT_SUBSTANTIATED, reason);
		changes.change(actor, id, version, CaseStep.NOT_SUBSTANTIATED,
				(c, a) -> c.closeAsNotSubstantiated(a, changes.now(), clean(reason)));
		verification(id, true);
	}

	public void submitPlan(Actor actor, CaseId id, int version) {
		changes.change(actor, id, version, CaseStep.SUBMIT_PLAN,
				(c, a) -> c.submitPlan(a, changes.now(), settings.current()));
	}

	public void startReview(Actor actor, CaseId id, int version) {
		changes.change(actor, id, version, CaseStep.START_REVIEW, (c, a) -> c.startReview(a));
	}

	public void close(Actor actor, CaseId id, int version, String overrideReason) {
		close(actor, id, version, overrideReason, null);
	}

	/**
	 * The chair closes the case; with referrals still open, only with the reason why
	 * (they stay open). The case's row is locked first, so a referral being sent and the
	 * closing take turns, and the open referrals are read as the closing commits them.
	 */
	public void close(Actor actor, CaseId id, int version, String overrideReason,
			@Nullable String openReferralsReason) {
		checkReason(CaseStep.CLOSE, overrideReason);
		requireText(OPEN_REFERRALS_REASON, openReferralsReason, false);
		cases.lock(id);
		changes.changeNoting(actor, id, version, CaseStep.CLOSE, (c, a) -> {
			int open = referrals.open(id).size();
			c.close(a, changes.now(), clean(overrideReason), open, clean(openReferralsReason));
			return open == 0 ? null : "openReferrals=" + open;
		});
	}

	public void startNewCycle(Actor actor, CaseId id, int version, String reason) {
		checkReason(CaseStep.NEW_CYCLE, reason);
		changes.change(actor, id, version, CaseStep.NEW_CYCLE,
				(c, a) -> c.startNewCycle(a, changes.now(), clean(reason), settings.current()));
	}

	public void reopen(Actor actor, CaseId id, int version, String reason) {
		checkReason(CaseStep.REOPEN, reason);
		changes.change(actor, id, version, CaseStep.REOPEN,
				(c, a) -> c.reopen(a, changes.now(), clean(reason), settings.current()));
		verification(id, false);
	}

	/**
	 * Tells intake that the case's reports are verified, or (reopened) being verified
	 * again.
	 */
	private void verification(CaseId id, boolean settled) {
		cases.reportsOf(id)
			.forEach(report -> events.publishEvent(new ReportVerificationSettled(new ReportId(report), settled)));
	}

	/** Assigns the case to one of its commune's officers; anyone else is refused. */
	public void assign(Actor actor, CaseId id, int version, Assignment assignment) {
		ProtectionCase c = changes.load(id);
		Long officerId = assignment.officer();
		Optional<CurrentUser> officer = officerId == null ? Optional.empty() : accounts.current(officerId);
		if (officer.isEmpty() || !officer.get().has(Role.COMMUNE_OFFICER)
				|| !officer.get().jurisdiction().equals(c.unit())) {
			throw new InvalidCaseInput(new FormErrors().reject("officer", "case.assign.not-officer"));
		}
		changes.change(actor, id, version, CaseStep.ASSIGN,
				(k, a) -> k.assign(a, officerId, officer.get().displayName()));
	}

	public void addNote(Actor actor, CaseId id, int version, Note note) {
		changes.change(actor, id, version, CaseStep.ADD_NOTE,
				(c, a) -> c.addNote(a, clean(note.text()), note.visibility()));
	}

	/**
	 * Records a service delivered: not in the future, by a provider the directory knows
	 * (or none).
	 */
	public void recordService(Actor actor, CaseId id, int version, ServiceDelivered service) {
		FormErrors errors = new FormErrors();
		if (service.deliveredOn() != null && service.deliveredOn().isAfter(LocalDate.now(clock.withZone(Time.ZONE)))) {
			errors.reject("deliveredOn", "validation.date-future");
		}
		if (service.provider() != null && directory.find(new AgencyId(service.provider())).isEmpty()) {
			errors.reject("provider", "validation.invalid");
		}
		InvalidCaseInput.check(errors);
		long by = actor.signedIn().id();
		changes.change(actor, id, version, CaseStep.RECORD_SERVICE, (c, a) -> {
			c.recordService(a, service.type().name());
			jdbc.sql("""
					INSERT INTO case_service (case_id, service_type, provider_id, delivered_on, outcome, recorded_by,
					  recorded_at) VALUES (:id, :type, :provider, :on, :outcome, :by, :at)""")
				.param("id", id.value())
				.param("type", service.type().name())
				.param("provider", service.provider())
				.param("on", service.deliveredOn())
				.param("outcome", clean(service.outcome()))
				.param("by", by)
				.param("at", java.sql.Timestamp.from(changes.now()))
				.update();
		});
	}

	/**
	 * The reason a step takes, checked the same way before it is confirmed and when it is
	 * taken: the findings of a confirmed harm, the reason of most steps, the chair's
	 * optional override reason for a closing.
	 */
	static void checkReason(CaseStep step, String text) {
		switch (step) {
			case CONFIRM_HARM -> requireText("findings", text, true);
			case NOT_SUBSTANTIATED, NEW_CYCLE, REOPEN, DECLINE_TRANSFER -> requireText("reason", text, true);
			case CLOSE -> requireText("overrideReason", text, false);
			default -> {
			}
		}
	}

	/** A step's reason: required or not depending on the step, never too long. */
	static void requireText(String field, String value, boolean required) {
		InvalidCaseInput.check(new FormErrors().checkText(field, value, required, MAX_REASON));
	}

}
