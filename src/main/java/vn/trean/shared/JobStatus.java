package vn.trean.shared;

/**
 * A database-backed job as its status page reads it: whether it will change no more,
 * whether its file is ready, and its state's name (the key of the state's message). The
 * modules' export jobs implement it, so their pages poll and offer the file alike.
 */
public interface JobStatus {

	JobState state();

	default boolean finished() {
		return state().finished();
	}

	default boolean done() {
		return state() == JobState.DONE;
	}

	default String stateName() {
		return state().name();
	}

}
