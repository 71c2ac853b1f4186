package vn.trean.referrals;

import vn.trean.shared.UnknownRecord;

/** A case, consent or legal basis the address names and that does not exist: a 404. */
class UnknownGround extends UnknownRecord {

	UnknownGround(String detail) {
		super(detail);
	}

}
