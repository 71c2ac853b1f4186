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
	 * A source holding {@code count} items of one step, showing at most the number asked
	 * and counting them all.
	 */
	record Source(String step, int count) implements WorkSource {

		@Override
		public Waiting waiting(Actor actor, int shown) {
			return new Waiting(items(Math.min(shown, count)), count == 0 ? Map.of() : Map.of(step, (long) count));
		}

		List<WorkItem> items(int n) {
			return IntStream.range(0, n)
				.mapToObj(i -> new WorkItem(step, step + "-" + i, null, NOW.minus(Duration.ofMinutes(i)), null,
						"/" + step + "/" + i))
				.toList();
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
	void aSourceThatCountsWhatItListsShowsTheFirstItemsAndCountsThemAll() {
		WorkSource listing = (actor, shown) -> WorkSource.of(new Source("work.step.plan", 60).items(60), shown);

		WorkQueue.Queue queue = queueOf(listing).of(ANYONE);

		assertThat(queue.items()).hasSize(WorkQueue.SHOWN);
		assertThat(queue.countsByStep()).containsExactly(Map.entry("work.step.plan", 60L));
	}

}
