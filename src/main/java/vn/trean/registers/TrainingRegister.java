package vn.trean.registers;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.registers.TrainingPolicy.NewTraining;
import vn.trean.registers.TrainingPolicy.RosterEntry;
import vn.trean.registers.TrainingPolicy.TrainingEntry;
import vn.trean.shared.FormErrors;

/**
 * The register of trainings, whose participants are counted by role and sex and, those on
 * the roster, linked to it: listing, adding, correcting (its unit stays), deleting (with
 * its counts and links).
 */
@Service
@Transactional
class TrainingRegister {

	private static final String REGISTER = "TRAINING";

	private final TrainingRecords records;

	private final WorkforceRegister workforce;

	private final Registers registers;

	TrainingRegister(TrainingRecords records, WorkforceRegister workforce, Registers registers) {
		this.records = records;
		this.workforce = workforce;
		this.registers = registers;
	}

	@Transactional(readOnly = true)
	Listing<Training> listing(Actor actor, int page) {
		return registers.listing(actor.signedIn(), page, TrainingRecords.TABLE, records::trainings);
	}

	/**
	 * A training the user may correct or delete: 404 when unknown, 403 when not theirs.
	 */
	@Transactional(readOnly = true)
	Training training(Actor actor, TrainingId id) {
		return registers.writable(actor.signedIn(), records.training(id), Training::unit, what(id));
	}

	/**
	 * A training as its edit form shows it: the roster members linked to it, and the
	 * counts by role and sex only when they say more than those members (people not on
	 * the roster), so a form left as it is saves the training as it was.
	 */
	@Transactional(readOnly = true)
	TrainingEntry entry(Actor actor, TrainingId id) {
		Training t = training(actor, id);
		List<Long> participants = records.participants(id);
		Map<WorkforceRole, Map<Sex, Integer>> tally = records.tally(id);
		Map<WorkforceRole, Map<Sex, Integer>> fromRoster = new EnumMap<>(WorkforceRole.class);
		participants.forEach(p -> workforce.find(p)
			.ifPresent(m -> fromRoster.computeIfAbsent(m.role(), r -> new EnumMap<>(Sex.class))
				.merge(m.sex(), 1, Integer::sum)));
		Map<String, String> counts = new HashMap<>();
		if (!TrainingPolicy.tally(tally).equals(TrainingPolicy.tally(fromRoster))) {
			tally.forEach((role, bySex) -> bySex
				.forEach((sex, n) -> counts.put(TrainingPolicy.countField(role, sex), Integer.toString(n))));
		}
		return new TrainingEntry(t.unit().toString(), t.heldOn().toString(), t.topic(), t.organiser(), t.kind(),
				participants.stream().map(String::valueOf).toList(), counts);
	}

	long add(Actor actor, TrainingEntry entry) {
		NewTraining training = registers.enter(actor, entry.unit(), in -> TrainingPolicy.training(entry, in.today(),
				in.units(), rosterOf(RegisterRules.parse(entry.unit())), in.locale()));
		long id = linking(() -> records.insert(training, actor.name(), registers.now()));
		registers.audit(actor, REGISTER, "ADDED", id, "unit=" + registers.code(training.unit()) + " kind="
				+ training.kind() + " roster=" + training.participants().size());
		return id;
	}

	/**
	 * Corrects a training by the rules of a new one; its unit stays (its participants
	 * come from that unit's roster).
	 */
	void change(Actor actor, TrainingId id, String version, TrainingEntry entry) {
		Training was = training(actor, id);
		TrainingEntry sameUnit = entry.at(was.unit());
		NewTraining training = registers.correct(
				actor, sameUnit.unit(), version, was.version(), what(id), in -> TrainingPolicy.training(sameUnit,
						in.today(), in.units(), rosterOf(Optional.of(was.unit())), in.locale()),
				t -> linking(() -> records.update(id, was.version(), t)));
		registers.audit(actor, REGISTER, "CHANGED", id.value(), "unit=" + registers.code(was.unit()) + " kind="
				+ training.kind() + " roster=" + was.fromRoster() + "->" + training.participants().size());
	}

	@Transactional(readOnly = true)
	Removal removal(Actor actor, TrainingId id) {
		Training training = training(actor, id);
		return new Removal(REGISTER, id.value(), training.version(), training.topic(), registers.name(training.unit()),
				"registers.delete.with-participants", training.fromRoster(), List.of(), "/registers/trainings",
				"/registers/trainings/" + id.value() + "/delete");
	}

	/** Deletes a training with its counts and participant links. */
	void delete(Actor actor, TrainingId id, String version) {
		Training training = training(actor, id);
		Registers.remove(version, training.version(), what(id), () -> records.delete(id, training.version()));
		registers.audit(actor, REGISTER, "DELETED", id.value(), "unit=" + registers.code(training.unit()) + " kind="
				+ training.kind() + " roster=" + training.fromRoster());
	}

	/** The roster entry of a member on the roster of the unit or a unit under it. */
	private Function<Long, Optional<RosterEntry>> rosterOf(Optional<UnitId> unit) {
		return id -> unit.flatMap(u -> workforce.onRosterOf(u, id))
			.map(m -> new RosterEntry(m.id(), m.role(), m.sex()));
	}

	/**
	 * Saves a training's participant links; a member deleted from the roster after the
	 * form was checked (by another user, in the moment between) refuses the form as a
	 * member not on the roster would be, and nothing is saved.
	 */
	private static <T> T linking(Supplier<T> save) {
		try {
			return save.get();
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidRegisterInput(
					new FormErrors().reject("participants", "registers.training.unknown-member"));
		}
	}

	private static String what(TrainingId id) {
		return "training " + id.value();
	}

}
