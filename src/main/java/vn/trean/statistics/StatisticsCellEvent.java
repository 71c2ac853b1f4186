package vn.trean.statistics;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * Someone opened the records behind a cell of a table, or was refused them: the audit log
 * names the table, the cell, the period and the unit, never a record.
 */
record StatisticsCellEvent(String actor, boolean opened, String targetId, String detail, String clientAddress,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String action() {
		return opened ? "STATISTICS_CELL_OPENED" : "STATISTICS_CELL_REFUSED";
	}

	@Override
	public String targetType() {
		return "STATISTICS_TABLE";
	}

	@Override
	public String outcome() {
		return opened ? "SUCCESS" : "DENIED";
	}

}
