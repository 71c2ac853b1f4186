package vn.trean.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the audit log held at one moment, to keep outside the database: the number of
 * entries and, per chain, its entry count, newest entry and the start of that entry's
 * hash. Within a chain ids grow in commit order (they are drawn under the chain's lock),
 * so later the chain must still hold exactly {@code entries} entries up to
 * {@code headId}, the newest of them with the same hash; fewer means entries were
 * removed.
 *
 * <p>
 * Written as one word, {@code v1.<epoch seconds>.<entries>.<chain>-<count>-<head
 * id>-<hash start>...}, so it survives log files, e-mail and a form field.
 */
public record AuditAnchor(Instant takenAt, long entries, List<Head> heads) {

	static final int HASH_START = 16;

	private static final Pattern WORD = Pattern
		.compile("v1\\.\\d{1,12}\\.\\d{1,15}(\\.\\d{1,2}-\\d{1,15}-\\d{1,18}-[0-9a-f]{16}){0,16}");

	/** One chain's newest entry when the anchor was taken. */
	public record Head(int chain, long count, long headId, String hashStart) {
	}

	public AuditAnchor {
		heads = heads.stream().sorted(Comparator.comparingInt(Head::chain)).toList();
	}

	/** The anchor as one word. */
	public String word() {
		StringBuilder word = new StringBuilder("v1.").append(takenAt.getEpochSecond()).append('.').append(entries);
		for (Head head : heads) {
			word.append('.')
				.append(head.chain())
				.append('-')
				.append(head.count())
				.append('-')
				.append(head.headId())
				.append('-')
				.append(head.hashStart());
		}
		return word.toString();
	}

	/**
	 * The anchor a form names, for binding: none for a blank field, else as
	 * {@link #parse}.
	 */
	public static AuditAnchor valueOf(String text) {
		return text == null || text.isBlank() ? null : parse(text);
	}

	/**
	 * Reads an anchor written by {@link #word()}.
	 * @throws IllegalArgumentException when the text is not an anchor
	 */
	public static AuditAnchor parse(String text) {
		String word = text == null ? "" : text.strip();
		if (!WORD.matcher(word).matches()) {
			throw new IllegalArgumentException("not an audit anchor");
		}
		String[] parts = word.split("\\.");
		List<Head> heads = new ArrayList<>();
		for (int i = 3; i < parts.length; i++) {
			String[] head = parts[i].split("-");
			heads.add(new Head(Integer.parseInt(head[0]), Long.parseLong(head[1]), Long.parseLong(head[2]), head[3]));
		}
		long sum = heads.stream().collect(Collectors.summingLong(Head::count));
		if (sum != Long.parseLong(parts[2]) || heads.stream().map(Head::chain).distinct().count() != heads.size()) {
			throw new IllegalArgumentException("not an audit anchor");
		}
		return new AuditAnchor(Instant.ofEpochSecond(Long.parseLong(parts[1])), sum, heads);
	}

}
