package vn.trean.children;

import java.util.Set;

/**
 * The 12-digit personal identification number (số định danh cá nhân): three digits for
 * the province of birth registration, one for century and sex, two for the year of birth,
 * six serial digits. It validates its own structure; {@link #consistentWith} checks it
 * against the child's sex and birth year.
 */
public record PersonalIdNumber(String value) {

	/** Province-of-birth prefixes (the 63 provinces' codes before the 2025 mergers). */
	static final Set<String> PROVINCE_PREFIXES = Set.of("001", "002", "004", "006", "008", "010", "011", "012", "014",
			"015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036",
			"037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
			"062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084",
			"086", "087", "089", "091", "092", "093", "094", "095", "096");

	public PersonalIdNumber {
		if (value == null || !value.matches("\\d{12}")) {
			throw new InvalidPersonalIdNumber("child.pid.format");
		}
		if (!PROVINCE_PREFIXES.contains(value.substring(0, 3))) {
			throw new InvalidPersonalIdNumber("child.pid.province");
		}
		if (value.charAt(3) > '5') {
			throw new InvalidPersonalIdNumber("child.pid.century");
		}
	}

	/** Parses typed input (spaces allowed); {@code null} for blank input. */
	public static PersonalIdNumber parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return new PersonalIdNumber(text.replace(" ", "").strip());
	}

	/**
	 * The birth year the number encodes: century from the fourth digit, then two digits.
	 */
	public int birthYear() {
		int centuryDigit = value.charAt(3) - '0';
		return 1900 + (centuryDigit / 2) * 100 + Integer.parseInt(value.substring(4, 6));
	}

	/** The sex the number encodes (even fourth digit male, odd female). */
	public Sex sex() {
		return (value.charAt(3) - '0') % 2 == 0 ? Sex.MALE : Sex.FEMALE;
	}

	/**
	 * Whether the number agrees with what else is known of the child.
	 * @return a message key naming the disagreement, or {@code null} when it agrees
	 */
	public String consistentWith(Sex sex, Integer birthYear) {
		if (sex != null && sex != Sex.UNKNOWN && sex != sex()) {
			return "child.pid.sex";
		}
		if (birthYear != null && birthYear != birthYear()) {
			return "child.pid.year";
		}
		return null;
	}

	/** Only the last three digits, for lists. */
	public String masked() {
		return "*********" + value.substring(9);
	}

}
