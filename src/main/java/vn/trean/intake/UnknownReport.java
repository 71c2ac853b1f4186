package vn.trean.intake;

/** A report id that names no report (404). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class UnknownReport extends RuntimeException {

	UnknownReport(ReportId id) {
		this(id.toString());
	}

	UnknownReport(String id) {
		super("No report " + id);
	}

}
