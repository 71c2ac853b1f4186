package vn.trean.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.trean.geography.UnitId;
import vn.trean.shared.FormErrors;

/**
 * One unit's report on a plan for one period, in one version. It owns its workflow: a
 * reporter drafts and submits, the province returns it with a comment or approves it, and
 * an approved report is never changed again: a correction is the next version.
 */
record PlanReport(long id, long planId, UnitId unit, ReportingPeriod period, int reportVersion, Long previousId,
		LocalDate dueOn, Status status, int version, String submittedBy, Instant submittedAt, String decidedBy,
		Instant decidedAt, String returnComment, List<ReportValue> values) {

	enum Status {

		/** Being filled in by the unit's plan reporter. */
		DRAFT,
		/** Sent to the province; waiting to be approved or returned. */
		SUBMITTED,
		/**
		 * Sent back by the province with a comment; the reporter corrects and submits
		 * again.
		 */
		RETURNED,
		/**
		 * Accepted by the province: its figures count towards progress and are locked.
		 */
		APPROVED

	}

	PlanReport {
		values = values == null ? List.of() : List.copyOf(values);
	}

	/** A new report, not yet stored. */
	static PlanReport draft(long planId, UnitId unit, ReportingPeriod period, LocalDate dueOn) {
		return new PlanReport(0, planId, unit, period, 1, null, dueOn, Status.DRAFT, 0, null, null, null, null, null,
				List.of());
	}

	public boolean editable() {
		return status == Status.DRAFT || status == Status.RETURNED;
	}

	/** Past its due date and not (yet) submitted. */
	public boolean lateOn(LocalDate today) {
		return editable() && today.isAfter(dueOn);
	}

	PlanReport saveDraft(List<ReportValue> newValues) {
		requireEditable();
		return with(status, newValues, submittedBy, submittedAt, decidedBy, decidedAt, returnComment);
	}

	PlanReport submit(List<ReportValue> newValues, String by, Instant at) {
		if (status == Status.SUBMITTED) {
			throw refused("plan-reports.already-submitted");
		}
		requireEditable();
		return with(Status.SUBMITTED, newValues, by, at, decidedBy, decidedAt, returnComment);
	}

	PlanReport returnWith(String comment, String by, Instant at) {
		requireSubmitted();
		if (comment == null || comment.isBlank()) {
			throw new InvalidPlanInput(new FormErrors().reject("comment", "plan-reports.comment.required"));
		}
		return with(Status.RETURNED, values, submittedBy, submittedAt, by, at, comment.strip());
	}

	PlanReport approve(String by, Instant at) {
		requireSubmitted();
		return with(Status.APPROVED, values, submittedBy, submittedAt, by, at, null);
	}

	/** The next version of an approved report, a draft holding the approved figures. */
	PlanReport correction() {
		if (status != Status.APPROVED) {
			throw refused("plan-reports.correct.not-approved");
		}
		return new PlanReport(0, planId, unit, period, reportVersion + 1, id, dueOn, Status.DRAFT, 0, null, null, null,
				null, null, values);
	}

	private void requireEditable() {
		if (!editable()) {
			throw refused(status == Status.APPROVED ? "plan-reports.locked" : "plan-reports.not-editable");
		}
	}

	private void requireSubmitted() {
		if (status != Status.SUBMITTED) {
			throw refused("plan-reports.not-submitted");
		}
	}

	private static InvalidPlanInput refused(String key) {
		return new InvalidPlanInput(new FormErrors().reject("state", key));
	}

	private PlanReport with(Status newStatus, List<ReportValue> newValues, String newSubmittedBy,
			Instant newSubmittedAt, String newDecidedBy, Instant newDecidedAt, String comment) {
		return new PlanReport(id, planId, unit, period, reportVersion, previousId, dueOn, newStatus, version,
				newSubmittedBy, newSubmittedAt, newDecidedBy, newDecidedAt, comment, newValues);
	}

	public ReportValue value(long indicatorId) {
		return value(indicatorId, ReportValue.Disaggregation.ALL);
	}

	/**
	 * An indicator's figure for one sex ({@code FEMALE} or {@code MALE}), or null when
	 * none was reported.
	 */
	public ReportValue sexValue(long indicatorId, String sex) {
		return value(indicatorId, ReportValue.Disaggregation.valueOf(sex));
	}

	ReportValue value(long indicatorId, ReportValue.Disaggregation disaggregation) {
		return values.stream()
			.filter(v -> v.indicatorId() == indicatorId && v.disaggregation() == disaggregation)
			.findFirst()
			.orElse(null);
	}

}
