package vn.trean.shared;

/** Where a database-backed job ({@link JobTable}) stands; its table stores the name. */
public enum JobState {

	/** Waiting for a worker of any instance to claim it. */
	QUEUED,
	/** Claimed by a worker, which beats the heartbeat after every step. */
	RUNNING,
	/** The file is written. */
	DONE,
	/**
	 * Given up: an error, or its workers stopped too often ({@code failure} says).
	 */
	FAILED;

	/** Whether the job will change no more. */
	public boolean finished() {
		return this == DONE || this == FAILED;
	}

}
