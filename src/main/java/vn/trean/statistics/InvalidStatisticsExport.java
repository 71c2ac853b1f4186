package vn.trean.statistics;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** An export request with a field refused; nothing was recorded. */
class InvalidStatisticsExport extends InvalidInput {

	InvalidStatisticsExport(FormErrors errors) {
		super("statistics export", errors);
	}

}
