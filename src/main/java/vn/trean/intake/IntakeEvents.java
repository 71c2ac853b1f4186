package vn.trean.intake;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * Intake's audit entries, recorded by the audit log from the persisted event after
 * commit.
 */
final class IntakeEvents {

	private IntakeEvents() {
	}

	/** A report was recorded (who recorded it, through which channel, where it went). */
	record ReportRecorded(String actor, String reportId, String detail, Instant occurredAt) implements AuditableEvent {

		@Override
		public String action() {
			return "REPORT_RECORDED";
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
		public String clientAddress() {
			return null;
		}

		@Override
		public String outcome() {
			return "SUCCESS";
		}

	}

	/** An officer took a report up: its reporter now sees it as being handled. */
	record ReportTakenUp(String actor, String reportId, String clientAddress,
			Instant occurredAt) implements AuditableEvent {

		@Override
		public String action() {
			return "REPORT_TAKEN_UP";
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

		@Override
		public String detail() {
			return null;
		}

	}

}
