package vn.trean.geography;

/** Asked for an administrative unit that does not exist. */
public class UnknownUnit extends RuntimeException {

	public UnknownUnit(String reference) {
		super("No administrative unit " + reference);
	}

}
