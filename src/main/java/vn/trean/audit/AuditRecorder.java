package vn.trean.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.trean.shared.AuditableEvent;

/**
 * Records every auditable event once its publishing transaction has committed. The
 * publication is persisted first, so an event is not lost if the application stops before
 * the entry is written; it is republished on restart.
 */
@Component
class AuditRecorder {

	private final AuditLog log;

	AuditRecorder(AuditLog log) {
		this.log = log;
	}

	@ApplicationModuleListener
	void on(AuditableEvent event) {
		log.record(event);
	}

}
