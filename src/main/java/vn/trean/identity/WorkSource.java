package vn.trean.identity;

import java.util.List;
import java.util.Map;

/**
 * A module's share of the work queue: what waits for the signed-in user to act, within
 * what their roles let them see today. The start page and the notification list gather
 * every source in the application; a module that owns work (cases, intake) implements
 * one, so the queue needs no arrow from this module up to them.
 */
public interface WorkSource {

	/** What waits, as the start page shows it: the first items and the counts of all. */
	record Waiting(List<WorkItem> items, Map<String, Long> counts) {
	}

	/**
	 * The first {@code shown} items waiting for the actor, most urgent first, and how
	 * many wait by step key: all of them (up to the source's bound), not only those
	 * shown, read once for both.
	 */
	Waiting waiting(Actor actor, int shown);

	/**
	 * The first {@code shown} of the items, and the counts of all of them: for a source
	 * that counts what it lists.
	 */
	static Waiting of(List<WorkItem> all, int shown) {
		return new Waiting(List.copyOf(all.subList(0, Math.min(shown, all.size()))), countsOf(all));
	}

	/**
	 * The counts of {@code items} by step key, for a source that counts what it lists.
	 */
	static Map<String, Long> countsOf(List<WorkItem> items) {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		items.forEach(item -> counts.merge(item.stepKey(), 1L, Long::sum));
		return counts;
	}

}
