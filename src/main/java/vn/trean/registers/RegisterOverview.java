package vn.trean.registers;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;

/**
 * The overview of the registers of a unit the user may read: every count of its subtree
 * for a year, and the records behind each count.
 */
@Service
@Transactional(readOnly = true)
class RegisterOverview {

	private final RegisterCounts counts;

	private final Registers registers;

	private final Geography geography;

	RegisterOverview(RegisterCounts counts, Registers registers, Geography geography) {
		this.counts = counts;
		this.registers = registers;
		this.geography = geography;
	}

	/** The overview: every count of a unit's subtree for a year. */
	record Overview(AdministrativeUnit unit, int year, RegisterCounts.Figures figures, List<Integer> years,
			List<AdministrativeUnit> units, boolean mayWrite) {
	}

	/** The records behind one count of the overview. */
	record Trace(AdministrativeUnit unit, int year, RegisterCounts.Count count,
			List<RegisterCounts.TracedRecord> records) {
	}

	/**
	 * The unit asked for (the user's own by default) and the year (this one by default).
	 */
	Overview overview(Actor actor, String unitText, String yearText) {
		CurrentUser me = actor.signedIn();
		UnitId unit = registers.viewedUnit(me, unitText);
		int thisYear = registers.today().getYear();
		int year = thisYear;
		if (yearText != null && yearText.strip().matches("\\d{4}")) {
			year = Math.min(Math.max(Integer.parseInt(yearText.strip()), 2000), thisYear);
		}
		List<Integer> years = IntStream.rangeClosed(2020, thisYear).boxed().sorted((a, b) -> b - a).toList();
		return new Overview(geography.get(unit), year, counts.counts(unit, year), years,
				geography.currentUnitsWithin(me.jurisdiction()), !registers.writableUnits(me).isEmpty());
	}

	Trace trace(Actor actor, String unitText, String yearText, String countText) {
		Overview overview = overview(actor, unitText, yearText);
		RegisterCounts.Count count;
		try {
			count = RegisterCounts.Count.valueOf(countText);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new UnknownRegisterRecord("count " + countText);
		}
		return new Trace(overview.unit(), overview.year(), count,
				counts.trace(overview.unit().id(), overview.year(), count));
	}

}
