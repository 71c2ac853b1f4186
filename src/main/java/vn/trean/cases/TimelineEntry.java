package vn.trean.cases;

import java.time.Instant;

/** One thing that happened in a case, for its timeline. */
public record TimelineEntry(Instant at, String actor, String kind, NoteVisibility visibility, String text, String ref) {
}
