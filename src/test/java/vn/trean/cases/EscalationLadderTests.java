package vn.trean.cases;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one escalation ladder of every table of clocks, from the case settings: due soon
 * within the warning time, overdue once due, to the province once overdue for the
 * configured time; its SQL conditions select what its rungs raise.
 */
class EscalationLadderTests {

	static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

	final EscalationLadder ladder = new EscalationLadder(
			new CasesSettings(Duration.ofMinutes(60), Duration.ofHours(6), Duration.ofHours(48)));

	@Test
	void aClockIsDueSoonWithinTheWarningTimeOverdueOnceDueAndProvincialOnceLateForTheConfiguredTime() {
		assertThat(ladder.levelAt(NOW.plusSeconds(6 * 3600 + 1), NOW)).isEqualTo(Escalation.NONE);
		assertThat(ladder.levelAt(NOW.plusSeconds(6 * 3600), NOW)).isEqualTo(Escalation.DUE_SOON);
		assertThat(ladder.levelAt(NOW.plusSeconds(1), NOW)).isEqualTo(Escalation.DUE_SOON);
		assertThat(ladder.levelAt(NOW, NOW)).isEqualTo(Escalation.OVERDUE);
		assertThat(ladder.levelAt(NOW.minusSeconds(48 * 3600 - 1), NOW)).isEqualTo(Escalation.OVERDUE);
		assertThat(ladder.levelAt(NOW.minusSeconds(48 * 3600), NOW)).isEqualTo(Escalation.PROVINCE);
	}

	@Test
	void aPassClimbsDueSoonThenOverdueThenProvinceEachFromTheLevelsBelow() {
		assertThat(ladder.rungs(NOW)).extracting(EscalationLadder.Rung::to)
			.containsExactly(Escalation.DUE_SOON, Escalation.OVERDUE, Escalation.PROVINCE);
		EscalationLadder.Rung overdue = ladder.rungTo(Escalation.OVERDUE, NOW).orElseThrow();
		assertThat(overdue.from()).containsExactlyInAnyOrder(Escalation.NONE, Escalation.DUE_SOON);
		assertThat(overdue.dueBy()).isEqualTo(NOW);
		assertThat(overdue.raises(Escalation.DUE_SOON, NOW.minusSeconds(1))).isTrue();
		assertThat(overdue.raises(Escalation.OVERDUE, NOW.minusSeconds(1))).as("raised once").isFalse();
		assertThat(ladder.rungTo(Escalation.PROVINCE, NOW).orElseThrow().dueBy())
			.isEqualTo(NOW.minus(Duration.ofHours(48)));
		assertThat(ladder.rungTo(Escalation.NONE, NOW)).isEmpty();
	}

	@Test
	void aRungSaysInSqlWhichClocksItRaisesAndFromWhichLevels() {
		EscalationLadder.Rung dueSoon = ladder.rungTo(Escalation.DUE_SOON, NOW).orElseThrow();
		EscalationLadder.Rung overdue = ladder.rungTo(Escalation.OVERDUE, NOW).orElseThrow();

		assertThat(dueSoon.condition("r"))
			.isEqualTo("r.escalation IN ('NONE') AND r.due_at > :ladder_due_after AND r.due_at <= :ladder_due_by");
		assertThat(overdue.condition("r"))
			.isEqualTo("r.escalation IN ('NONE', 'DUE_SOON') AND r.due_at <= :ladder_due_by");
		assertThat(overdue.levels("x")).isEqualTo("x.escalation IN ('NONE', 'DUE_SOON')");
	}

}
