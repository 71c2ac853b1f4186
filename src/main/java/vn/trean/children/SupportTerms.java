package vn.trean.children;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.trean.shared.AgencyId;

/**
 * What one version of a support states, as typed: the measure, its days, and who gives it
 * (an agency of the directory, or a provider named in words).
 */
record SupportTerms(@Nullable SupportKind kind, @Nullable LocalDate from, @Nullable LocalDate to,
		@Nullable AgencyId agency, @Nullable String provider) {
}
