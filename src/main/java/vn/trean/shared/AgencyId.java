package vn.trean.shared;

/**
 * Identity of an agency in the directory. It lives in the shared kernel because users,
 * API tokens and (later) referrals all name the agency they act for.
 */
public record AgencyId(long value) implements java.io.Serializable {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
