package vn.trean.referrals;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.trean.children.ChildId;

/**
 * A consent to share a case's information about a child for a purpose, as an officer
 * records it: who gave it, how and when ({@link ConsentPolicy} says whether it counts).
 *
 * @param ageOnDay the child's age as the officer gives it, read only when the registry
 * knows neither a birth date nor an estimated age
 * @param signedForm whether a signed form comes with it (set by
 * {@link SharingGrounds#recordConsent} from the upload)
 */
public record ConsentDraft(ChildId child, SharingPurpose purpose, @Nullable String purposeNote,
		@Nullable Integer ageOnDay, List<Giver> givers, boolean signedForm) {

	public ConsentDraft {
		givers = List.copyOf(givers);
	}

	ConsentDraft withSignedForm(boolean given) {
		return new ConsentDraft(child, purpose, purposeNote, ageOnDay, givers, given);
	}

	/** Who gives consent. */
	public enum Role {

		CHILD, PARENT, GUARDIAN;

		/** The form's prefix of this giver's fields: {@code child} or {@code carer}. */
		String field() {
			return this == CHILD ? "child" : "carer";
		}

	}

	/**
	 * How consent is given: in writing (a signed form attached) or orally before a named
	 * witness.
	 */
	public enum Method {

		WRITTEN, ORAL

	}

	/** One person's consent, given at a local time of Vietnam. */
	public record Giver(Role role, @Nullable String name, @Nullable Method method, @Nullable LocalDateTime givenAt,
			@Nullable String witnessName, @Nullable String witnessRole) {
	}

}
