package vn.trean.referrals;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A sector's field set as the settings page submits it, to save or to preview (the sector
 * is named beside it): the fields ticked (none ticked sends none) and whether the
 * reporter may be shared on explicit choice.
 */
record FieldSetChange(@Nullable Set<ShareField> fields, @Nullable Boolean reporterOnExplicitShare) {

	/** Whether the reporter option is ticked. */
	boolean reporterAllowed() {
		return Boolean.TRUE.equals(reporterOnExplicitShare);
	}

	/** The fields ticked, in display order. */
	Set<ShareField> ticked() {
		return fields == null || fields.isEmpty() ? EnumSet.noneOf(ShareField.class) : EnumSet.copyOf(fields);
	}

}
