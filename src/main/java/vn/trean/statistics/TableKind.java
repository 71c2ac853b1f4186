package vn.trean.statistics;

import java.util.Arrays;
import java.util.Optional;

/** The official tables, by the code the pages, exports and API name them with. */
public enum TableKind {

	/** Indicator 0101: abused children by sex, age group, setting and form of abuse. */
	ABUSED_CHILDREN("0101"),
	/** New, closed and open cases; emergency intervention; temporary separation. */
	CASES("cases"),
	/** Children in special circumstances by group, and those who received support. */
	SPECIAL_CIRCUMSTANCES("special-circumstances"),
	/** Reports by channel, non-case contacts by type, routing to the commune. */
	INTAKE("intake"),
	/** The case KPIs: legal deadlines met, times, loads, referrals, closures. */
	KPIS("kpis");

	private final String code;

	TableKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<TableKind> ofCode(String code) {
		return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
	}

}
