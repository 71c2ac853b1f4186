package vn.trean.plans;

import java.time.LocalDate;

import vn.trean.geography.UnitId;

/**
 * An action plan of one province: its number, title, issuer and the years it runs. The
 * province is where every target, activity and report of the plan lies.
 */
record Plan(long id, UnitId province, String number, String title, String issuer, LocalDate issuedOn, int startYear,
		int endYear, Status status) {

	enum Status {

		/** Being prepared; not yet issued. */
		DRAFT,
		/** Issued and in force: targets are monitored. */
		ACTIVE,
		/** Its period is over and its final report made. */
		CLOSED

	}

	boolean covers(int year) {
		return year >= startYear && year <= endYear;
	}

}
