package vn.trean.shared;

/**
 * A Vietnamese phone number, stored as {@code +84} followed by the national number
 * without its leading 0. Accepts the usual ways of writing one: {@code 0912 345 678},
 * {@code 84912345678}, {@code +84 912 345 678}. Mobile numbers have 9 digits after the 0,
 * landlines 10 (02x area codes).
 */
public record PhoneNumber(String value) {

	public PhoneNumber {
		if (value == null || !value.matches("\\+84(([35789]\\d{8})|(2\\d{9}))")) {
			throw new IllegalArgumentException("not a Vietnamese phone number");
		}
	}

	/** Parses typed input; {@code null} for blank input. */
	public static PhoneNumber parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String digits = text.replaceAll("[\\s.()-]", "");
		String national;
		if (digits.startsWith("+84")) {
			national = digits.substring(3);
		}
		else if (digits.startsWith("84") && digits.length() >= 11) {
			national = digits.substring(2);
		}
		else if (digits.startsWith("0")) {
			national = digits.substring(1);
		}
		else {
			throw new IllegalArgumentException("not a Vietnamese phone number");
		}
		if (national.startsWith("0")) {
			national = national.substring(1);
		}
		return new PhoneNumber("+84" + national);
	}

	/** Whether the text is a valid Vietnamese phone number (blank is not). */
	public static boolean isValid(String text) {
		try {
			return parse(text) != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
