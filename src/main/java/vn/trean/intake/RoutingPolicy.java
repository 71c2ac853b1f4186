package vn.trean.intake;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;

/**
 * Where a report goes: to the commune where it happened, else where the child lives. A
 * place outside the receiving province, or no known place, goes to the provincial
 * authority, which transfers it (Decree 56: pass it to the commune where it happened, at
 * once).
 */
final class RoutingPolicy {

	private RoutingPolicy() {
	}

	/**
	 * The unit that must act, and whether the province must transfer the report
	 * elsewhere.
	 */
	record Routing(UnitId unit, boolean transferOut) {
	}

	static Routing route(Geography geography, UnitId place, UnitId childResidence, UnitId receivingProvince) {
		UnitId target = place != null ? place : childResidence;
		if (target == null) {
			return new Routing(receivingProvince, false);
		}
		if (!geography.contains(receivingProvince, target)) {
			return new Routing(receivingProvince, true);
		}
		return new Routing(target, false);
	}

}
