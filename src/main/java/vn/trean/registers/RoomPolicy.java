package vn.trean.registers;

import java.time.LocalDate;
import java.util.function.Function;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.trean.geography.UnitId;
import vn.trean.registers.RegisterRules.UnitStanding;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.Verdict;

/**
 * The rules of an interview room's entry beyond its fields' own: a unit in force in the
 * user's province, and a room established by today.
 */
final class RoomPolicy {

	private RoomPolicy() {
	}

	/** An interview room as its form submits it. */
	record RoomEntry(String unit, @NotBlank @PlainText(max = 300) String name, String establishedOn,
			@NotNull Boolean childFriendly) {

		static RoomEntry blank() {
			return new RoomEntry(null, null, null, null);
		}

		static RoomEntry of(InterviewRoom r) {
			return new RoomEntry(r.unit().toString(), r.name(), r.establishedOn().toString(), r.childFriendly());
		}

	}

	record NewRoom(UnitId unit, String name, LocalDate establishedOn, boolean childFriendly) {
	}

	static Verdict<NewRoom> room(RoomEntry e, LocalDate today, Function<UnitId, UnitStanding> units) {
		FormErrors errors = new FormErrors();
		UnitId unit = RegisterRules.unit(e.unit(), units, errors);
		LocalDate established = RegisterRules.date(e.establishedOn(), "establishedOn", true, today, errors);
		return new Verdict<>(
				new NewRoom(unit, RegisterRules.text(e.name()), established, Boolean.TRUE.equals(e.childFriendly())),
				errors);
	}

}
