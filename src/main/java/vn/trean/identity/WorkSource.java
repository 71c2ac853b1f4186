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

	/**
	 * The items waiting for the actor, at most {@code limit} of them, most urgent first.
	 */
	List<WorkItem> waitingFor(Actor actor, int limit);

	/**
	 * How many items wait for the actor, by step key (for the counts on the start page):
	 * all of them, not only the ones {@link #waitingFor} returns.
	 */
	Map<String, Long> countWaitingFor(Actor actor);

	/** What waits, as the start page shows it: the first items and the counts of all. */
	record Waiting(List<WorkItem> items, Map<String, Long> counts) {
	}

	/**
	 * The first {@code shown} items, most urgent first, and how many wait by step, all of
	 * them: by default the two questions above; a source that answers both from the same
	 * rows overrides it to read them once.
	 */
	default Waiting waiting(Actor actor, int shown) {
		return new Waiting(waitingFor(actor, shown), countWaitingFor(actor));
	}

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
