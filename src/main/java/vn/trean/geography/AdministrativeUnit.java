package vn.trean.geography;

import java.time.LocalDate;

/**
 * One administrative unit as it was valid between two dates. The same code may name
 * another unit in another period, so a unit is always identified by its id, or by code
 * and date.
 */
public record AdministrativeUnit(UnitId id, String code, Level level, String unitType, String unitTypeLabel,
		String name, String fullName, String nameEn, String altName, UnitId parentId, LocalDate validFrom,
		LocalDate validTo, String note) {

	/** The tier of local government a unit belongs to. */
	public enum Level {

		/** Province or centrally governed city. */
		PROVINCE,
		/** District, town or provincial city; abolished on 1 July 2025. */
		DISTRICT,
		/** Commune, ward, township (and, before 2025, under a district). */
		COMMUNE

	}

	public boolean validOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
	}

	/** Whether the unit is still in force (it has no end date). */
	public boolean current() {
		return validTo == null;
	}

	/** The units' full names by id, in the units' order: the choices of a unit field. */
	public static java.util.Map<Long, String> fullNames(java.util.List<AdministrativeUnit> units) {
		java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
		units.forEach(u -> names.put(u.id().value(), u.fullName()));
		return names;
	}

}
