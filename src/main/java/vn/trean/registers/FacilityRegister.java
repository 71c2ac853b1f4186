package vn.trean.registers;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Actor;
import vn.trean.registers.FacilityPolicy.CheckEntry;
import vn.trean.registers.FacilityPolicy.FacilityCheck;
import vn.trean.registers.FacilityPolicy.FacilityEntry;
import vn.trean.registers.FacilityPolicy.NewFacility;

/**
 * The register of schools and health facilities with their capacity checks: listing,
 * adding (with a first check), correcting and deleting a facility (with its checks), and
 * adding, correcting and deleting its checks one by one.
 */
@Service
@Transactional
class FacilityRegister implements RecordRegister<FacilityId, Facility, FacilityEntry> {

	private static final String REGISTER = "FACILITY";

	private final FacilityRecords records;

	private final Registers registers;

	FacilityRegister(FacilityRecords records, Registers registers) {
		this.records = records;
		this.registers = registers;
	}

	@Override
	@Transactional(readOnly = true)
	public Listing<Facility> listing(Actor actor, int page) {
		return registers.listing(actor.signedIn(), page, FacilityRecords.TABLE, records::facilities);
	}

	@Override
	@Transactional(readOnly = true)
	public Facility record(Actor actor, FacilityId id) {
		return registers.writable(actor.signedIn(), records.facility(id), Facility::unit, what(id));
	}

	/** A facility's checks, newest first, once the facility is known to be the user's. */
	@Transactional(readOnly = true)
	List<CapacityCheck> checks(FacilityId id) {
		return records.checks(id);
	}

	@Override
	public FacilityEntry entry(Facility facility) {
		return FacilityEntry.of(facility);
	}

	@Override
	public long add(Actor actor, FacilityEntry entry) {
		NewFacility facility = registers.enter(actor, entry.unit(),
				in -> FacilityPolicy.facility(entry, in.today(), in.units()));
		long id = records.insert(facility, actor.name(), registers.now());
		registers.audit(actor, REGISTER, "ADDED", id, "unit=" + registers.code(facility.unit()) + " kind="
				+ facility.kind() + " checked=" + (facility.check() != null));
		return id;
	}

	@Override
	public void change(Actor actor, FacilityId id, String version, FacilityEntry entry) {
		Facility was = record(actor, id);
		boolean hasChecks = !records.checks(id).isEmpty();
		NewFacility facility = registers.correct(actor, entry.unit(), version, was.version(), what(id),
				in -> FacilityPolicy.facilityChange(entry, in.today(), in.units(), was.kind(), hasChecks),
				f -> records.update(id, was.version(), f));
		registers.audit(actor, REGISTER, "CHANGED", id.value(), "unit=" + registers.code(was.unit()) + "->"
				+ registers.code(facility.unit()) + " kind=" + facility.kind());
	}

	@Override
	@Transactional(readOnly = true)
	public Removal removal(Actor actor, FacilityId id) {
		Facility facility = record(actor, id);
		return new Removal(REGISTER, id.value(), facility.version(), facility.name(), registers.name(facility.unit()),
				"registers.delete.with-checks", records.checks(id).size(), List.of(), "/registers/facilities",
				"/registers/facilities/" + id.value() + "/delete");
	}

	/** Deletes a facility with its checks. */
	@Override
	public void delete(Actor actor, FacilityId id, String version) {
		Facility facility = record(actor, id);
		int checks = records.checks(id).size();
		Registers.remove(version, facility.version(), what(id), () -> records.delete(id, facility.version()));
		registers.audit(actor, REGISTER, "DELETED", id.value(),
				"unit=" + registers.code(facility.unit()) + " kind=" + facility.kind() + " checks=" + checks);
	}

	// ---- checks ----

	@Transactional(readOnly = true)
	CapacityCheck check(Actor actor, FacilityId facility, CheckId id) {
		record(actor, facility);
		return records.check(facility, id)
			.orElseThrow(() -> new UnknownRegisterRecord("check " + id.value() + " of " + what(facility)));
	}

	void addCheck(Actor actor, FacilityId id, CheckEntry entry) {
		Facility facility = record(actor, id);
		FacilityCheck check = registers.enter(actor, facility.unit().toString(),
				in -> FacilityPolicy.check(facility.kind(), entry, in.today()));
		records.insertCheck(id, facility.kind(), check, actor.name(), registers.now());
		registers.auditAs(actor, "FACILITY_CHECKED", REGISTER, id.value(),
				"on=" + check.checkedOn() + " items=" + check.items());
	}

	void changeCheck(Actor actor, FacilityId id, CheckId checkId, String version, CheckEntry entry) {
		Facility facility = record(actor, id);
		CapacityCheck was = check(actor, id, checkId);
		FacilityCheck check = registers.correct(actor, facility.unit().toString(), version, was.version(),
				"check " + checkId.value(), in -> FacilityPolicy.check(facility.kind(), entry, in.today()),
				c -> records.updateCheck(checkId, was.version(), facility.kind(), c));
		registers.audit(actor, REGISTER, "CHECK_CHANGED", id.value(), "check=" + checkId.value() + " on="
				+ was.checkedOn() + "->" + check.checkedOn() + " items=" + check.items());
	}

	@Transactional(readOnly = true)
	Removal checkRemoval(Actor actor, FacilityId id, CheckId checkId) {
		Facility facility = record(actor, id);
		CapacityCheck check = check(actor, id, checkId);
		String path = "/registers/facilities/" + id.value();
		return Removal.plain("FACILITY_CHECK", checkId.value(), check.version(), facility.name(),
				registers.name(facility.unit()), path + "/edit", path + "/checks/" + checkId.value() + "/delete");
	}

	void deleteCheck(Actor actor, FacilityId id, CheckId checkId, String version) {
		CapacityCheck check = check(actor, id, checkId);
		Registers.remove(version, check.version(), "check " + checkId.value(),
				() -> records.deleteCheck(checkId, check.version()));
		registers.audit(actor, REGISTER, "CHECK_DELETED", id.value(),
				"check=" + checkId.value() + " on=" + check.checkedOn());
	}

	private static String what(FacilityId id) {
		return "facility " + id.value();
	}

}
