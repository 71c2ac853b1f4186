package vn.trean.plans;

import java.time.LocalDate;
import java.util.List;

import vn.trean.shared.AgencyId;

/**
 * A line of activity of a plan (section II.1, II.2, …) with who carries it out, when and
 * with what money. What the plan text does not give stays empty until the plan
 * administrator completes it.
 */
record Activity(long id, long planId, String section, String title, String description, AgencyId responsibleAgency,
		List<AgencyId> partners, LocalDate periodStart, LocalDate periodEnd, String fundingSource, int version,
		boolean needsCompletion) {

	Activity {
		partners = List.copyOf(partners);
	}

}
