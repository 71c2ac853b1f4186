package vn.trean.registers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.directory.Directory;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.AgencyLookup.AgencySummary;
import vn.trean.identity.CurrentUser;
import vn.trean.registers.WorkforcePolicy.MemberEntry;
import vn.trean.registers.WorkforcePolicy.NewMember;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Verdict;

/**
 * The child-protection workforce roster: listing, adding, correcting and deleting its
 * members, and the roster a training's participants are picked from.
 */
@Service
@Transactional
class WorkforceRegister implements RecordRegister<MemberId, WorkforceMember, MemberEntry> {

	private static final String REGISTER = "WORKFORCE_MEMBER";

	private final WorkforceRecords records;

	private final Registers registers;

	private final Geography geography;

	private final Directory directory;

	WorkforceRegister(WorkforceRecords records, Registers registers, Geography geography, Directory directory) {
		this.records = records;
		this.registers = registers;
		this.geography = geography;
		this.directory = directory;
	}

	@Override
	@Transactional(readOnly = true)
	public Listing<WorkforceMember> listing(Actor actor, int page) {
		return registers.listing(actor.signedIn(), page, WorkforceRecords.TABLE, records::members);
	}

	@Override
	@Transactional(readOnly = true)
	public WorkforceMember record(Actor actor, MemberId id) {
		return registers.writable(actor.signedIn(), records.member(id.value()), WorkforceMember::unit, what(id));
	}

	/** The agencies of the user's province a workforce member may work for. */
	@Transactional(readOnly = true)
	List<AgencySummary> agencies(Actor actor) {
		return directory.locatedIn(geography.unitsWithin(geography.provinceOf(actor.signedIn().jurisdiction())));
	}

	@Override
	public MemberEntry entry(WorkforceMember member) {
		return MemberEntry.of(member);
	}

	@Override
	public long add(Actor actor, MemberEntry entry) {
		Predicate<AgencyId> agencies = agencyInProvince(actor.signedIn());
		NewMember member = registers.enter(actor, entry.unit(),
				in -> WorkforcePolicy.member(entry, in.units(), agencies));
		long id = records.insert(member, actor.name(), registers.now());
		registers.audit(actor, REGISTER, "ADDED", id,
				"unit=" + registers.code(member.unit()) + " role=" + member.role());
		return id;
	}

	@Override
	public void change(Actor actor, MemberId id, String version, MemberEntry entry) {
		WorkforceMember was = record(actor, id);
		Predicate<AgencyId> agencies = agencyInProvince(actor.signedIn());
		List<WorkforceRecords.Participation> trainings = records.participations(id);
		Predicate<UnitId> withinTrainings = unit -> trainings.stream()
			.allMatch(t -> geography.contains(t.unit(), unit));
		NewMember member = registers.correct(actor, entry.unit(), version, was.version(), what(id),
				in -> WorkforcePolicy.memberChange(entry, in.units(), agencies, withinTrainings),
				m -> records.update(id, was.version(), m));
		registers.audit(actor, REGISTER, "CHANGED", id.value(), "unit=" + registers.code(was.unit()) + "->"
				+ registers.code(member.unit()) + " role=" + was.role() + "->" + member.role());
	}

	@Override
	@Transactional(readOnly = true)
	public Removal removal(Actor actor, MemberId id) {
		WorkforceMember member = record(actor, id);
		return new Removal(REGISTER, id.value(), member.version(), member.fullName(), registers.name(member.unit()),
				null, 0, records.participations(id), "/registers/workforce",
				"/registers/workforce/" + id.value() + "/delete");
	}

	/** Deletes a member no training lists; one a training lists is refused (409). */
	@Override
	public void delete(Actor actor, MemberId id, String version) {
		WorkforceMember member = record(actor, id);
		Registers.requireVersion(version, member.version(), what(id));
		requireRemovable(WorkforcePolicy.memberRemoval(records.participations(id).size()), id);
		try {
			Registers.requireChanged(records.delete(id, member.version()), what(id));
		}
		catch (DataIntegrityViolationException ex) {
			// a training listed the member between the check and the deletion
			requireRemovable(WorkforcePolicy.memberRemoval(1), id);
		}
		registers.audit(actor, REGISTER, "DELETED", id.value(),
				"unit=" + registers.code(member.unit()) + " role=" + member.role());
	}

	private static void requireRemovable(Verdict<Void> removable, MemberId id) {
		if (!removable.allowed()) {
			throw new RegisterRecordInUse(removable.reason(), what(id));
		}
	}

	/**
	 * The roster of a unit (and the units under it) a training's participants come from:
	 * its first page, and every member the form lists even beyond it, so a correction
	 * never drops a participant it could not show.
	 */
	@Transactional(readOnly = true)
	List<WorkforceMember> roster(Actor actor, UnitId unit, Collection<String> chosen) {
		registers.requireWrite(actor.signedIn(), unit);
		Set<UnitId> units = geography.unitsWithin(unit);
		List<WorkforceMember> roster = new ArrayList<>(records.members(units, 0, Registers.PAGE_SIZE));
		Set<Long> shown = new HashSet<>();
		roster.forEach(m -> shown.add(m.id()));
		List<Long> missing = chosen == null ? List.of()
				: chosen.stream()
					.filter(text -> text != null && text.strip().matches("[0-9]{1,18}"))
					.map(text -> Long.parseLong(text.strip()))
					.filter(id -> !shown.contains(id))
					.distinct()
					.toList();
		if (!missing.isEmpty()) {
			records.membersById(missing).stream().filter(m -> units.contains(m.unit())).forEach(roster::add);
		}
		return roster;
	}

	/** The member of that id, on whichever roster. */
	Optional<WorkforceMember> find(long id) {
		return records.member(id);
	}

	/** The member of that id on the roster of the unit or a unit under it, if any. */
	Optional<WorkforceMember> onRosterOf(UnitId unit, long id) {
		return records.member(id).filter(m -> geography.contains(unit, m.unit()));
	}

	private Predicate<AgencyId> agencyInProvince(CurrentUser me) {
		UnitId province = geography.provinceOf(me.jurisdiction());
		return agency -> directory.find(agency).filter(a -> geography.contains(province, a.unit())).isPresent();
	}

	private static String what(MemberId id) {
		return "workforce member " + id.value();
	}

}
