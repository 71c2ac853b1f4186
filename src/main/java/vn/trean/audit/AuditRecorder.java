package vn.trean.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.trean.shared.AuditableEvent;

/**
 * Records every auditable event in the transaction that published it, so the entry
 * commits or rolls back together with the change it records: no change without its entry,
 * no entry for a change that did not happen. (Synchronous on purpose: an asynchronous
 * listener would need a persisted publication, a second transaction and a completion
 * update per entry.)
 */
@Component
class AuditRecorder {

	private final AuditLog log;

	AuditRecorder(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(AuditableEvent event) {
		log.record(event);
	}

}
