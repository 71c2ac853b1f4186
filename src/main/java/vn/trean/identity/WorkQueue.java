package vn.trean.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What waits for a user, gathered from every {@link WorkSource} of the application and
 * ordered most urgent first: what is overdue, then by its deadline, then by how long it
 * has waited.
 */
@Component
class WorkQueue {

	/** Items shown on the start page; the counts cover them all. */
	static final int SHOWN = 50;

	private final List<WorkSource> sources;

	private final Clock clock;

	WorkQueue(ObjectProvider<WorkSource> sources, Clock clock) {
		this.sources = sources.orderedStream().toList();
		this.clock = clock;
	}

	/** The queue: the items shown, how many of each step, how many in all, as of when. */
	public record Queue(List<WorkItem> items, Map<String, Long> countsByStep, int total, Instant now) {

		public boolean empty() {
			return total == 0;
		}

	}

	Queue of(Actor actor) {
		Instant now = clock.instant();
		List<WorkItem> items = new ArrayList<>();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (WorkSource source : sources) {
			WorkSource.Waiting waiting = source.waiting(actor, SHOWN);
			items.addAll(waiting.items());
			waiting.counts().forEach((step, count) -> counts.merge(step, count, Long::sum));
		}
		items.sort(mostUrgentFirst(now));
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		return new Queue(List.copyOf(items.subList(0, Math.min(SHOWN, items.size()))), counts,
				(int) Math.max(total, items.size()), now);
	}

	static Comparator<WorkItem> mostUrgentFirst(Instant now) {
		return Comparator.comparing((WorkItem item) -> !item.overdueAt(now))
			.thenComparing(WorkItem::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(WorkItem::since);
	}

}
