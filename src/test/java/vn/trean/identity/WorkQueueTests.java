package vn.trean.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class WorkQueueTests {

	private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

	private static final Actor ANYONE = new Actor(null, null, "127.0.0.1", Locale.ROOT, "test");

	/**
	 * A source holding {@code count} items of one step, listing at most the limit asked.
	 */
	record Source(String step, int count) implements WorkSource {

		@Override
		public List<WorkItem> waitingFor(Actor actor, int limit) {
			return IntStream.range(0, Math.min(limit, count))
				.mapToObj(n -> new WorkItem(step, step + "-" + n, null, NOW.minus(Duration.ofMinutes(n)), null,
						"/" + step + "/" + n))
				.toList();
		}

		@Override
		public Map<String, Long> countWaitingFor(Actor actor) {
			return count == 0 ? Map.of() : Map.of(step, (long) count);
		}

	}

	private static WorkQueue queueOf(WorkSource... sources) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		for (int i = 0; i < sources.length; i++) {
			beans.addBean("source" + i, sources[i]);
		}
		return new WorkQueue(beans.getBeanProvider(WorkSource.class), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void theCountsCoverEveryItemOfEachSourceNotOnlyTheOnesShown() {
		WorkQueue.Queue queue = queueOf(new Source("work.step.plan", 70), new Source("work.step.review", 3)).of(ANYONE);

		assertThat(queue.countsByStep()).containsEntry("work.step.plan", 70L).containsEntry("work.step.review", 3L);
		assertThat(queue.total()).isEqualTo(73);
		assertThat(queue.items()).hasSize(WorkQueue.SHOWN);
		assertThat(queue.total()).isGreaterThan(queue.items().size());
		assertThat(queue.countsByStep().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(queue.total());
	}

	@Test
	void aQueueThatFitsShowsEverythingAndCountsWhatItShows() {
		WorkQueue.Queue queue = queueOf(new Source("work.step.plan", 2), new Source("work.step.review", 0)).of(ANYONE);

		assertThat(queue.countsByStep()).containsExactly(Map.entry("work.step.plan", 2L));
		assertThat(queue.total()).isEqualTo(2);
		assertThat(queue.items()).hasSize(2);
		assertThat(queue.empty()).isFalse();
		assertThat(queueOf(new Source("work.step.plan", 0)).of(ANYONE).empty()).isTrue();
	}

	@Test
	void aSourceThatReadsItsRowsOnceIsAskedOnceForItemsAndCounts() {
		WorkSource once = new WorkSource() {

			@Override
			public List<WorkItem> waitingFor(Actor actor, int limit) {
				throw new AssertionError("asked for the items apart");
			}

			@Override
			public Map<String, Long> countWaitingFor(Actor actor) {
				throw new AssertionError("asked for the counts apart");
			}

			@Override
			public Waiting waiting(Actor actor, int shown) {
				return WorkSource.of(new Source("work.step.plan", 60).waitingFor(actor, 60), shown);
			}

		};

		WorkQueue.Queue queue = queueOf(once).of(ANYONE);

		assertThat(queue.items()).hasSize(WorkQueue.SHOWN);
		assertThat(queue.countsByStep()).containsExactly(Map.entry("work.step.plan", 60L));
	}

}
