package vn.trean.shared;

/**
 * Identity of an agency in the directory. It lives in the shared kernel because users,
 * API tokens and (later) referrals all name the agency they act for.
 */
public record AgencyId(long value) implements java.io.Serializable {

	/**
	 * The id in a URL or a form field, as Spring binds it.
	 * @throws IllegalArgumentException when the text is not a whole number
	 */
	public static AgencyId valueOf(String text) {
		return new AgencyId(Long.parseLong(text.strip()));
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
