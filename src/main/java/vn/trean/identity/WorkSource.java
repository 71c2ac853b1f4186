package vn.trean.identity;

import java.util.List;

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

	/** How many items wait for the actor (for the counts on the start page). */
	int countWaitingFor(Actor actor);

}
