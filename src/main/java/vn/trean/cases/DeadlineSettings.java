package vn.trean.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.directory.WorkingCalendar;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/**
 * The deadline rules in force: statutory limits fixed by law, and the limits our law text
 * does not give (verification, approval, review interval) as settings an administrator
 * changes. Read from the database on every use, so every instance sees a change at once.
 */
@Component
public class DeadlineSettings {

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final Authorization authorization;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	DeadlineSettings(JdbcClient jdbc, WorkingCalendar calendar, Authorization authorization, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.authorization = authorization;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public DeadlineRules current() {
		Map<DeadlineStep, DeadlineRules.Rule> rules = new EnumMap<>(DeadlineStep.class);
		jdbc.sql("SELECT step, amount, unit, statutory FROM deadline_rule").query(rs -> {
			rules.put(DeadlineStep.valueOf(rs.getString("step")), new DeadlineRules.Rule(rs.getInt("amount"),
					DeadlineRules.Unit.valueOf(rs.getString("unit")), rs.getBoolean("statutory")));
		});
		return new DeadlineRules(rules, calendar.current());
	}

	/**
	 * A changed limit for a step the law does not fix, as the settings page submits it.
	 */
	public record RuleChange(
			@NotNull(message = "validation.invalid") DeadlineStep step, @NotNull @Min(value = 1,
					message = "validation.range") @Max(value = 366, message = "validation.range") Integer amount,
			@NotNull DeadlineRules.Unit unit) {
	}

	/** Changes the limit of a step; a limit the law fixes is refused. */
	@Transactional
	public void change(Actor actor, RuleChange change) {
		CurrentUser admin = actor.signedIn();
		authorization.require(admin, Action.MANAGE_CASE_SETTINGS, ResourceScope.at(admin.jurisdiction()));
		DeadlineRules.Rule existing = current().rules().get(change.step());
		if (existing == null || existing.statutory()) {
			throw new InvalidSetting(new FormErrors().reject("step",
					existing == null ? "validation.invalid" : "case.settings.statutory"));
		}
		jdbc.sql("""
				UPDATE deadline_rule SET amount = :amount, unit = :unit, changed_by = :by, changed_at = :at
				WHERE step = :step AND NOT statutory""")
			.param("amount", change.amount())
			.param("unit", change.unit().name())
			.param("by", admin.id())
			.param("at", Timestamp.from(clock.instant()))
			.param("step", change.step().name())
			.update();
		events.publishEvent(new CaseAudit(actor.name(), CaseAuditAction.DEADLINE_RULE_CHANGED, change.step().name(),
				actor.clientAddress(), change.amount() + " " + change.unit(), clock.instant()));
	}

	/** A setting that breaks a rule; nothing was saved. */
	public static class InvalidSetting extends InvalidInput {

		InvalidSetting(FormErrors errors) {
			super("deadline setting", errors);
		}

	}

}
