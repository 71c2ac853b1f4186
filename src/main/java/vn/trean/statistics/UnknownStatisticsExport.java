package vn.trean.statistics;

import vn.trean.shared.UnknownRecord;

/** No export of the user's has this id (another user's is unknown too). */
class UnknownStatisticsExport extends UnknownRecord {

	UnknownStatisticsExport(String detail) {
		super(detail);
	}

}
