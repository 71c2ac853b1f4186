package vn.trean.directory;

import vn.trean.shared.AgencyId;

/** Asked for an agency that does not exist (answered with 404). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class UnknownAgency extends RuntimeException {

	public UnknownAgency(AgencyId id) {
		super("No agency " + id);
	}

}
