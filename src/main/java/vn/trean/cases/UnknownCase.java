package vn.trean.cases;

/** A case id that names no case (404). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class UnknownCase extends RuntimeException {

	UnknownCase(CaseId id) {
		super("No case " + id);
	}

}
