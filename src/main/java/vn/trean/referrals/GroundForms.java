package vn.trean.referrals;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import vn.trean.children.ChildId;
import vn.trean.shared.PlainText;

/**
 * The forms of a case's grounds page, as typed: their field names are the keys the
 * policies refuse them by, so each error shows beside its control.
 */
final class GroundForms {

	private GroundForms() {
	}

	/**
	 * A consent: the child's own (when {@code childConsents}) and a parent's or
	 * guardian's, each with how and when it was given.
	 */
	record ConsentForm(@NotNull Long child, @NotNull SharingPurpose purpose,
			@Nullable @PlainText(max = 1000) String purposeNote, @Nullable Integer ageOnDay,
			@Nullable Boolean childConsents, @Nullable @PlainText(max = 200) String childName,
			ConsentDraft.@Nullable Method childMethod, @Nullable LocalDateTime childGivenAt,
			@Nullable @PlainText(max = 200) String childWitnessName,
			@Nullable @PlainText(max = 200) String childWitnessRole, @Nullable @PlainText(max = 200) String carerName,
			@NotNull ConsentDraft.Role carerRole, ConsentDraft.@Nullable Method carerMethod,
			@Nullable LocalDateTime carerGivenAt, @Nullable @PlainText(max = 200) String carerWitnessName,
			@Nullable @PlainText(max = 200) String carerWitnessRole, int version) {

		/** The consent; a carer without a name is taken as none given. */
		ConsentDraft draft() {
			List<ConsentDraft.Giver> givers = new ArrayList<>();
			if (Boolean.TRUE.equals(childConsents)) {
				givers.add(new ConsentDraft.Giver(ConsentDraft.Role.CHILD, childName, childMethod, childGivenAt,
						childWitnessName, childWitnessRole));
			}
			if (carerName != null && !carerName.isBlank()) {
				ConsentDraft.Role role = carerRole == ConsentDraft.Role.CHILD ? ConsentDraft.Role.PARENT : carerRole;
				givers.add(new ConsentDraft.Giver(role, carerName, carerMethod, carerGivenAt, carerWitnessName,
						carerWitnessRole));
			}
			return new ConsentDraft(new ChildId(child), purpose, purposeNote, ageOnDay, givers, false);
		}

	}

	/** A legal basis for sharing without consent. */
	record BasisForm(@NotNull Long child, @NotNull SharingPurpose purpose, @Nullable LegalBasis basis,
			@Nullable @PlainText(max = 200) String requestingBody,
			@Nullable @PlainText(max = 200) String requestReference,
			@Nullable @PlainText(max = 300) String lawReference, @Nullable @PlainText(max = 2000) String note) {

		BasisDraft draft() {
			return new BasisDraft(new ChildId(child), purpose, basis, requestingBody, requestReference, lawReference,
					note);
		}

	}

	/** The withdrawal of the consent named (the id shows the form again beside it). */
	record WithdrawForm(@Nullable Long consent, Withdrawal.@Nullable By withdrawnBy,
			@Nullable @PlainText(max = 2000) String withdrawalNote) {
	}

	/** The end of the legal basis named. */
	record EndForm(@Nullable Long basisId, @Nullable @PlainText(max = 2000) String endNote) {
	}

}
