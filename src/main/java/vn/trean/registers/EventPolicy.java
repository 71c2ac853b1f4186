package vn.trean.registers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;

import vn.trean.geography.UnitId;
import vn.trean.registers.RegisterRules.UnitStanding;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.Verdict;

/**
 * The rules of a communication event's entry beyond its fields' own: a unit in force in
 * the user's province, an event held by today, a whole number of people reached, and each
 * household identified once, by a well-formed code.
 */
final class EventPolicy {

	/** A household code of the residence register: letters, digits and dashes. */
	private static final Pattern HOUSEHOLD = Pattern.compile("[A-Z0-9-]{1,30}");

	private EventPolicy() {
	}

	/** A communication event as its form submits it; the household codes one a line. */
	record EventEntry(String unit, String heldOn, @NotBlank @PlainText(max = 200) String type,
			@NotBlank @PlainText(max = 200) String channel, @NotBlank @PlainText(max = 200) String audience,
			String reach, @PlainText(max = 1000) String materials, @PlainText(max = 100_000) String households) {

		static EventEntry blank() {
			return new EventEntry(null, null, null, null, null, null, null, null);
		}

		static EventEntry of(CommunicationEvent e, List<String> households) {
			return new EventEntry(e.unit().toString(), e.heldOn().toString(), e.type(), e.channel(), e.audience(),
					Integer.toString(e.reach()), e.materials(), String.join("\n", households));
		}

	}

	record NewEvent(UnitId unit, LocalDate heldOn, String type, String channel, String audience, int reach,
			String materials, List<String> households) {
	}

	static Verdict<NewEvent> event(EventEntry e, LocalDate today, Function<UnitId, UnitStanding> units) {
		return event(e, today, units, null);
	}

	/** An event as typed in a language ({@link vn.trean.shared.NumberInput}). */
	static Verdict<NewEvent> event(EventEntry e, LocalDate today, Function<UnitId, UnitStanding> units, Locale locale) {
		FormErrors errors = new FormErrors();
		UnitId unit = RegisterRules.unit(e.unit(), units, errors);
		LocalDate heldOn = RegisterRules.date(e.heldOn(), "heldOn", true, today, errors);
		Integer reach = RegisterRules.count(e.reach(), "reach", true, locale, errors);
		List<String> households = households(e.households(), errors);
		return new Verdict<>(new NewEvent(unit, heldOn, RegisterRules.text(e.type()), RegisterRules.text(e.channel()),
				RegisterRules.text(e.audience()), reach == null ? 0 : reach, RegisterRules.blankToNull(e.materials()),
				households), errors);
	}

	/** The codes typed, in capitals, each once; separated by lines, spaces, commas. */
	private static List<String> households(String typed, FormErrors errors) {
		List<String> households = new ArrayList<>();
		for (String code : typed == null ? new String[0] : typed.split("[\\s,;]+")) {
			String normal = code.strip().toUpperCase(Locale.ROOT);
			if (normal.isEmpty()) {
				continue;
			}
			if (!HOUSEHOLD.matcher(normal).matches()) {
				errors.reject("households", "registers.household.malformed");
			}
			else if (households.contains(normal)) {
				errors.reject("households", "registers.household.duplicate");
			}
			else {
				households.add(normal);
			}
		}
		return households;
	}

}
