package vn.trean.plans;

import java.util.List;

/**
 * What the import page shows: the plan's indicator columns and denominator columns, the
 * years a template may be for, and the limits of a file.
 */
record ImportPage(Plan plan, List<Indicator> indicators, List<DenominatorKind> kinds, List<Integer> years,
		int defaultYear, long maxKilobytes, int maxRows) {

	ImportPage {
		indicators = List.copyOf(indicators);
		kinds = List.copyOf(kinds);
		years = List.copyOf(years);
	}

}
