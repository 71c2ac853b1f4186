package vn.trean.plans;

/** Asked for a plan, indicator or activity that does not exist (answered with 404). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
class UnknownPlan extends RuntimeException {

	UnknownPlan(String what) {
		super("No such " + what);
	}

}
