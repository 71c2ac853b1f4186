package vn.trean.registers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import vn.trean.geography.UnitId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.NumberInput;
import vn.trean.shared.VietnameseText;

/**
 * The field rules every register's policy applies the same way, in one place: the unit is
 * one in force in the user's province, a count is a whole number never negative, a date
 * is a real day not before 1990 (and, for what already happened, not after today), and a
 * correction comes from the record's current version. Each refuses with the field and the
 * message key; what the rules look up (the units) is passed in.
 */
final class RegisterRules {

	private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	private RegisterRules() {
	}

	/** Where a chosen unit stands for the user entering a record. */
	enum UnitStanding {

		/** In force and inside the user's province. */
		USABLE,
		/** Not a unit, or no longer in force. */
		UNKNOWN,
		/** A unit of another province. */
		OUTSIDE_PROVINCE

	}

	/**
	 * Whether a form was read at the record's current version: an edit or deletion made
	 * from an older page is refused rather than overwriting someone else's change.
	 */
	static boolean sameVersion(String typed, int current) {
		if (typed == null) {
			return false;
		}
		try {
			return Integer.parseInt(typed.strip()) == current;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * Reads a unit id; refuses a missing, malformed or unknown one and one of another
	 * province.
	 */
	static UnitId unit(String text, Function<UnitId, UnitStanding> units, FormErrors errors) {
		if (text == null || text.isBlank()) {
			errors.reject("unit", "validation.required");
			return null;
		}
		UnitId unit = parse(text).orElse(null);
		UnitStanding standing = unit == null ? UnitStanding.UNKNOWN : units.apply(unit);
		switch (standing) {
			case UNKNOWN -> errors.reject("unit", "validation.unit-unknown");
			case OUTSIDE_PROVINCE -> errors.reject("unit", "registers.unit.outside-province");
			case USABLE -> {
				return unit;
			}
		}
		return null;
	}

	/**
	 * Reads a count: a whole number without separators, never negative.
	 * @return the number, or {@code null} when blank or refused
	 */
	static Integer count(String text, String field, boolean required, FormErrors errors) {
		return count(text, field, required, null, errors);
	}

	/** A count as typed in a language ({@link NumberInput}), at most nine digits. */
	static Integer count(String text, String field, boolean required, Locale locale, FormErrors errors) {
		if (text == null || text.isBlank()) {
			if (required) {
				errors.reject(field, "validation.required");
			}
			return null;
		}
		Optional<Long> typed = NumberInput.whole(text, locale, 9);
		if (typed.isEmpty()) {
			errors.reject(field, "registers.count.malformed");
			return null;
		}
		int n = typed.get().intValue();
		if (n < 0) {
			errors.reject(field, "registers.count.negative");
			return null;
		}
		return n;
	}

	/**
	 * Reads an ISO date; with {@code notAfter}, a past event dated after that day is
	 * refused.
	 */
	static LocalDate date(String text, String field, boolean required, LocalDate notAfter, FormErrors errors) {
		if (text == null || text.isBlank()) {
			if (required) {
				errors.reject(field, "validation.required");
			}
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.reject(field, "validation.date");
			return null;
		}
		if (date.isBefore(EARLIEST)) {
			errors.reject(field, "validation.range");
			return null;
		}
		if (notAfter != null && date.isAfter(notAfter)) {
			errors.reject(field, "validation.date-future");
			return null;
		}
		return date;
	}

	/** A typed text as stored: stripped and composed (the command checked its length). */
	static String text(String value) {
		return value == null ? null : VietnameseText.normalize(value.strip());
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : text(value);
	}

	/** A unit id as typed, if it is a number. */
	static Optional<UnitId> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new UnitId(Long.parseLong(text.strip())));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
