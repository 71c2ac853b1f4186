package vn.trean.statistics;

import vn.trean.shared.UnknownRecord;

/** A table, row or column code that names no table or cell: the 404 page. */
class UnknownStatisticsTable extends UnknownRecord {

	UnknownStatisticsTable(String code) {
		super("no statistics table or cell " + code);
	}

}
