package vn.trean.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.trean.intake.EmergencyClock;
import vn.trean.intake.Urgency;

/**
 * The urgency → clock decision for a report: an emergency starts the emergency-decision
 * clock from the time the report was received, counted by the deadline rules in force
 * (Decree 56: the commune chair decides within 12 hours); no other urgency starts one.
 */
@Component
class EmergencyDecisionClock implements EmergencyClock {

	private final DeadlineSettings settings;

	EmergencyDecisionClock(DeadlineSettings settings) {
		this.settings = settings;
	}

	@Override
	public @Nullable Instant decisionDue(Urgency urgency, Instant receivedAt) {
		return decisionDue(urgency, receivedAt, settings.current());
	}

	static @Nullable Instant decisionDue(Urgency urgency, Instant receivedAt, DeadlineRules rules) {
		return urgency == Urgency.EMERGENCY ? rules.due(DeadlineStep.EMERGENCY_DECISION, receivedAt) : null;
	}

}
