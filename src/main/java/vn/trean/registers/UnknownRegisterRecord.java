package vn.trean.registers;

/** Asked for a facility (or other register record) that does not exist: 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
class UnknownRegisterRecord extends RuntimeException {

	UnknownRegisterRecord(String what) {
		super("No such " + what);
	}

}
