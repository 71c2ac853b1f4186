package vn.trean.statistics;

import java.util.Map;

/**
 * How the codes of this system are named in DHIS2: a table's row codes as data elements,
 * column codes as category option combinations, unit codes as organisation units. Kept as
 * data (table {@code stat_dhis2_mapping}) that an administrator imports; a code with no
 * entry is written as itself, so an exchange file made before the national UIDs are
 * entered imports with DHIS2's {@code idScheme=CODE}.
 *
 * @param dataElements the data element UIDs by {@link #rowKey}
 * @param combos the category option combination UIDs by column code
 * @param orgUnits the organisation unit UIDs by unit code
 */
record Dhis2Mapping(Map<String, String> dataElements, Map<String, String> combos, Map<String, String> orgUnits) {

	/** The kinds of code, as the table and the import file name them. */
	enum Kind {

		DATA_ELEMENT, CATEGORY_OPTION_COMBO, ORG_UNIT

	}

	Dhis2Mapping {
		dataElements = Map.copyOf(dataElements);
		combos = Map.copyOf(combos);
		orgUnits = Map.copyOf(orgUnits);
	}

	static Dhis2Mapping none() {
		return new Dhis2Mapping(Map.of(), Map.of(), Map.of());
	}

	/**
	 * A row is named within its table: the same row code may mean another thing
	 * elsewhere.
	 */
	static String rowKey(TableKind kind, String rowCode) {
		return kind.code() + "/" + rowCode;
	}

	String dataElement(TableKind kind, String rowCode) {
		return dataElements.getOrDefault(rowKey(kind, rowCode), rowCode);
	}

	String combo(String columnCode) {
		return combos.getOrDefault(columnCode, columnCode);
	}

	String orgUnit(String unitCode) {
		return orgUnits.getOrDefault(unitCode, unitCode);
	}

}
