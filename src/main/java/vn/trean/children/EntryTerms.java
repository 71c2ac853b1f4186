package vn.trean.children;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What one version of a special-circumstance entry states, as typed: any part may be
 * missing until {@link CircumstancePolicy#entry} allows it.
 */
record EntryTerms(@Nullable SpecialCircumstance group, @Nullable LocalDate startedOn, @Nullable LocalDate endedOn,
		@Nullable String evidence) {

	/** The same terms ended on that day. */
	EntryTerms endedOn(@Nullable LocalDate day) {
		return new EntryTerms(group, startedOn, day, evidence);
	}

}
