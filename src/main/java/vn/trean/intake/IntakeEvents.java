package vn.trean.intake;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * Intake's audit events: a report recorded or taken up, more information on it asked for
 * or supplied. The audit module's synchronous listener appends each to the log in the
 * transaction that publishes it, just before that transaction commits, so the entry and
 * the change commit or roll back together. Reading a report is no event: it writes an
 * access entry directly ({@code AuditLog.recordAccess}).
 */
final class IntakeEvents {

	private IntakeEvents() {
	}

	/**
	 * Something happened to a report: it was recorded (who recorded it, through which
	 * channel, where it went) or taken up by an officer.
	 */
	record ReportAudit(String actor, String action, String reportId, String clientAddress, String detail,
			Instant occurredAt) implements AuditableEvent {

		static ReportAudit recorded(String actor, String reportId, String detail, Instant at) {
			return new ReportAudit(actor, "REPORT_RECORDED", reportId, null, detail, at);
		}

		static ReportAudit takenUp(String actor, String reportId, String clientAddress, Instant at) {
			return new ReportAudit(actor, "REPORT_TAKEN_UP", reportId, clientAddress, null, at);
		}

		/**
		 * An officer sent the report back for more information; the detail names the
		 * request.
		 */
		static ReportAudit informationRequested(String actor, String reportId, String clientAddress, String requestId,
				Instant at) {
			return new ReportAudit(actor, "REPORT_INFORMATION_REQUESTED", reportId, clientAddress,
					"request=" + requestId, at);
		}

		/**
		 * The receiving point answered a request; the answer is in the report, not here.
		 */
		static ReportAudit informationSupplied(String actor, String reportId, String clientAddress, String requestId,
				Instant at) {
			return new ReportAudit(actor, "REPORT_INFORMATION_SUPPLIED", reportId, clientAddress,
					"request=" + requestId, at);
		}

		@Override
		public String targetType() {
			return "REPORT";
		}

		@Override
		public String targetId() {
			return reportId;
		}

		@Override
		public String outcome() {
			return "SUCCESS";
		}

	}

}
