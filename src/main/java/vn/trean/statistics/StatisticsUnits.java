package vn.trean.statistics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;

/**
 * Reads the unit a table is asked for by its code: a commune or province in force today,
 * or, for a period that starts before the 2025 reform, a district it abolished (through
 * the geography history, as the old reports were made). Refused with
 * {@code statistics.unit.unknown} or {@code statistics.unit.district-after-reform}.
 */
@Component
public class StatisticsUnits {

	/** The field a refused unit is reported on. */
	public static final String FIELD = "unit";

	private final Geography geography;

	StatisticsUnits(Geography geography) {
		this.geography = geography;
	}

	public StatisticsUnit resolve(String code, StatisticsPeriod period) {
		String text = code == null ? "" : code.strip();
		LocalDate today = geography.today();
		Optional<AdministrativeUnit> current = geography.unitByCode(text, today)
			.filter(u -> u.level() != AdministrativeUnit.Level.DISTRICT);
		if (current.isPresent()) {
			return of(current.get());
		}
		List<AdministrativeUnit> districts = text.isEmpty() ? List.of()
				: geography.unitsEverCoded(text)
					.stream()
					.filter(u -> u.level() == AdministrativeUnit.Level.DISTRICT && !u.current())
					.sorted(Comparator.comparing(AdministrativeUnit::validTo).reversed())
					.toList();
		if (districts.isEmpty()) {
			throw refused("statistics.unit.unknown");
		}
		AdministrativeUnit district = districts.get(0);
		if (period.from().isAfter(district.validTo())) {
			throw refused("statistics.unit.district-after-reform");
		}
		return of(district);
	}

	/** The unit itself, with the units counted for it. */
	public StatisticsUnit of(AdministrativeUnit unit) {
		return new StatisticsUnit(unit.id(), unit.code(), unit.fullName(), unit.level(),
				geography.unitsCountedFor(unit.id()));
	}

	private static InvalidStatisticsRequest refused(String key) {
		return new InvalidStatisticsRequest(FIELD, key);
	}

}
