package vn.trean.statistics;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** A statistics request that names no valid period, unit or table; nothing was read. */
public class InvalidStatisticsRequest extends InvalidInput {

	InvalidStatisticsRequest(String field, String key) {
		super("statistics request", new FormErrors().reject(field, key));
	}

}
