package vn.trean.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far a running clock is escalated at a moment, the one ladder of every table of
 * clocks (a case's, a referral's), so that the settings {@code trean.cases.due-soon} and
 * {@code trean.cases.province-after} govern them all: a clock is due soon once it is due
 * within {@code due-soon}, overdue once it is due, and goes to the province once it has
 * been overdue for {@code province-after}. A pass takes the {@link #rungs(Instant) rungs}
 * in order, so one pass may raise a clock found late by two of them.
 */
@Component
public class EscalationLadder {

	private final Duration dueSoon;

	private final Duration provinceAfter;

	EscalationLadder(CasesSettings settings) {
		this.dueSoon = settings.dueSoon();
		this.provinceAfter = settings.provinceAfter();
	}

	/**
	 * One step up the ladder at a moment: a running clock at one of the levels
	 * {@code from}, due after {@code dueAfter} (when given) and by {@code dueBy}, rises
	 * to {@code to}.
	 */
	public record Rung(Set<Escalation> from, Escalation to, @Nullable Instant dueAfter, Instant dueBy) {

		public Rung {
			from = Set.copyOf(from);
		}

		/** Whether a running clock at the level, due at the time, rises on this rung. */
		public boolean raises(Escalation level, Instant dueAt) {
			return from.contains(level) && (dueAfter == null || dueAt.isAfter(dueAfter)) && !dueAt.isAfter(dueBy);
		}

		/**
		 * The clocks this rung raises, as an SQL condition on the columns
		 * {@code escalation} and {@code due_at} of the table under the alias (whether the
		 * clock still runs is the table's own condition); its parameters are set by
		 * {@link #bind}.
		 */
		public String condition(String alias) {
			return levels(alias) + (dueAfter == null ? "" : " AND " + alias + ".due_at > :ladder_due_after") + " AND "
					+ alias + ".due_at <= :ladder_due_by";
		}

		/**
		 * The levels this rung raises from, as an SQL condition on the column
		 * {@code escalation} under the alias: the guard of the update that claims a
		 * clock, so a clock is raised once.
		 */
		public String levels(String alias) {
			return alias + ".escalation IN ("
					+ from.stream().sorted().map(l -> "'" + l.name() + "'").collect(Collectors.joining(", ")) + ")";
		}

		/** Sets the parameters of {@link #condition} on a statement. */
		public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			JdbcClient.StatementSpec bound = statement.param("ladder_due_by", Timestamp.from(dueBy));
			return dueAfter == null ? bound : bound.param("ladder_due_after", Timestamp.from(dueAfter));
		}

	}

	/**
	 * The ladder at the moment, in the order a pass climbs it: due soon, overdue, to the
	 * province.
	 */
	public List<Rung> rungs(Instant now) {
		return List.of(new Rung(EnumSet.of(Escalation.NONE), Escalation.DUE_SOON, now, now.plus(dueSoon)),
				new Rung(EnumSet.of(Escalation.NONE, Escalation.DUE_SOON), Escalation.OVERDUE, null, now),
				new Rung(EnumSet.of(Escalation.OVERDUE), Escalation.PROVINCE, null, now.minus(provinceAfter)));
	}

	/** The rung that raises a clock to the level at the moment; none to {@code NONE}. */
	public Optional<Rung> rungTo(Escalation level, Instant now) {
		return rungs(now).stream().filter(r -> r.to() == level).findFirst();
	}

	/** The level a running clock due at the time has reached at the moment. */
	public Escalation levelAt(Instant dueAt, Instant now) {
		Escalation level = Escalation.NONE;
		for (Rung rung : rungs(now)) {
			if (rung.raises(level, dueAt)) {
				level = rung.to();
			}
		}
		return level;
	}

}
