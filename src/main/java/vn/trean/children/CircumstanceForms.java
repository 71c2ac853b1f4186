package vn.trean.children;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import vn.trean.shared.AgencyId;
import vn.trean.shared.PlainText;

/**
 * The forms of a child's special-circumstances page, as typed: their field names are the
 * keys {@link CircumstancePolicy} refuses them by, so each error shows beside its
 * control. A form that names a record ({@code entry}, {@code support}) carries the
 * version it was read at.
 */
final class CircumstanceForms {

	private CircumstanceForms() {
	}

	/** A new entry. */
	record EntryForm(@Nullable SpecialCircumstance group, @Nullable LocalDate startedOn, @Nullable LocalDate endedOn,
			@Nullable @PlainText(max = 2000) String evidence) {

		EntryTerms terms() {
			return new EntryTerms(group, startedOn, endedOn, evidence);
		}

	}

	/** A correction of an entry, with its reason. */
	record CorrectionForm(@NotNull Long entry, @NotNull Integer version, @Nullable SpecialCircumstance group,
			@Nullable LocalDate startedOn, @Nullable LocalDate endedOn,
			@Nullable @PlainText(max = 2000) String evidence, @NotBlank @PlainText(max = 1000) String reason) {

		EntryTerms terms() {
			return new EntryTerms(group, startedOn, endedOn, evidence);
		}

	}

	/** The end of an open entry. */
	record EndForm(@NotNull Long entry, @NotNull Integer version, @Nullable LocalDate endedOn,
			@Nullable @PlainText(max = 1000) String endNote) {
	}

	/** A new support. */
	record SupportForm(@Nullable SupportKind kind, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable Long agency, @Nullable @PlainText(max = 200) String provider) {

		SupportTerms terms() {
			return new SupportTerms(kind, from, to, agency == null ? null : new AgencyId(agency), provider);
		}

	}

	/** A correction of a support, with its reason. */
	record SupportCorrectionForm(@NotNull Long support, @NotNull Integer version, @Nullable SupportKind kind,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long agency,
			@Nullable @PlainText(max = 200) String provider, @NotBlank @PlainText(max = 1000) String reason) {

		SupportTerms terms() {
			return new SupportTerms(kind, from, to, agency == null ? null : new AgencyId(agency), provider);
		}

	}

}
