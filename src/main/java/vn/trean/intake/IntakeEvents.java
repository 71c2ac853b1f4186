package vn.trean.intake;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * Intake's audit entries, recorded by the audit log in the transaction of the change.
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
