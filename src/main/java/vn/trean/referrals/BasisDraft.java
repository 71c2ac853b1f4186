package vn.trean.referrals;

import org.jspecify.annotations.Nullable;

import vn.trean.children.ChildId;

/**
 * A legal basis for sharing a case's information about a child without consent, as an
 * officer records it ({@link LegalBasisPolicy} says what each basis needs).
 */
public record BasisDraft(ChildId child, SharingPurpose purpose, @Nullable LegalBasis basis,
		@Nullable String requestingBody, @Nullable String requestReference, @Nullable String lawReference,
		@Nullable String note) {
}
