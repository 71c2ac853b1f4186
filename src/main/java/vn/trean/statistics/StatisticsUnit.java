package vn.trean.statistics;

import java.util.Set;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.UnitId;

/**
 * The unit a table is computed for, and every unit whose records count for it: a commune
 * of today with the old communes merged into it, the province with its whole history, or
 * an old district (periods before July 2025) with its old communes.
 *
 * @param id the unit
 * @param code its code, as the API and the exchange file name it
 * @param name its full name
 * @param level its tier
 * @param counted the units whose records count for it, itself included
 */
public record StatisticsUnit(UnitId id, String code, String name, AdministrativeUnit.Level level, Set<UnitId> counted) {

	public StatisticsUnit {
		counted = Set.copyOf(counted);
	}

	/** The counted units' ids, as a statement's array parameter. */
	public Long[] countedIds() {
		return counted.stream().map(UnitId::value).sorted().toArray(Long[]::new);
	}

	public boolean province() {
		return level == AdministrativeUnit.Level.PROVINCE;
	}

}
