package vn.trean.shared;

import java.util.List;

/**
 * One page of a list: its items, its number (from 0), the page size and whether another
 * page follows. Repositories fetch one row more than the size, and {@link #of} keeps the
 * size and remembers whether there was more. Every list in the application pages with
 * this one type; pages read {@code page.number}, {@code page.hasNext}.
 */
public record Page<T>(List<T> items, int number, int size, boolean hasNext) {

	public Page {
		items = List.copyOf(items);
		if (number < 0 || size < 1) {
			throw new IllegalArgumentException("page " + number + " of size " + size);
		}
	}

	/** The page from a fetch of at most {@code size + 1} rows. */
	public static <T> Page<T> of(List<T> fetched, int number, int size) {
		boolean more = fetched.size() > size;
		return new Page<>(more ? fetched.subList(0, size) : fetched, Math.max(0, number), size, more);
	}

	/** The row offset of a page number (negative numbers are the first page). */
	public static long offset(int number, int size) {
		return (long) Math.max(0, number) * size;
	}

	/**
	 * Rows to fetch for a page: one more than its size, to know whether another follows.
	 */
	public static int fetchSize(int size) {
		return size + 1;
	}

	public boolean hasPrevious() {
		return number > 0;
	}

}
