package vn.trean.plans;

import vn.trean.shared.UnknownRecord;

/** Asked for a plan, indicator or activity that does not exist (answered with 404). */
class UnknownPlan extends UnknownRecord {

	UnknownPlan(String what) {
		super("No such " + what);
	}

}
