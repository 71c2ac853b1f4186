package vn.trean.cases;

/**
 * A case id that names no case (404), or a text in an address that is no case id at all:
 * Spring MVC finds this status behind the failed conversion of {@link CaseId#valueOf}.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class UnknownCase extends RuntimeException {

	UnknownCase(CaseId id) {
		super("No case " + id);
	}

	UnknownCase(String text) {
		super("No case " + text);
	}

}
