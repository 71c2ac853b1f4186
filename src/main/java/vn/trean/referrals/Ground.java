package vn.trean.referrals;

import org.jspecify.annotations.Nullable;

/**
 * The ground a case's information about a child is shared on for a purpose: a consent or
 * a legal basis, exactly one of them.
 *
 * @param summaryKey the message key that names it ({@code ground.consent},
 * {@code legal-basis.<BASIS>})
 */
public record Ground(@Nullable Long consentId, @Nullable Long basisId, String summaryKey) {

	public Ground {
		if ((consentId == null) == (basisId == null)) {
			throw new IllegalArgumentException("A ground is a consent or a legal basis, exactly one of them");
		}
	}

	static Ground consent(long id) {
		return new Ground(id, null, "ground.consent");
	}

	static Ground basis(long id, LegalBasis basis) {
		return new Ground(null, id, basis.key());
	}

}
