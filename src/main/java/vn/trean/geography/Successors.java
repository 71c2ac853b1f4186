package vn.trean.geography;

import java.util.List;

/** The units an old unit went into. A split (any partial row) needs review. */
public record Successors(List<Succession> successions) {

	public Successors {
		successions = List.copyOf(successions);
	}

	public boolean needsReview() {
		return successions.stream().anyMatch(s -> s.kind() == Succession.Kind.PARTIAL);
	}

}
