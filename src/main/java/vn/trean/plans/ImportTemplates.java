package vn.trean.plans;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;

/**
 * The CSV templates of the plan import: the file a plan administrator fills in Excel,
 * with the province and its communes in force listed and the figures already set, so that
 * a template uploaded as downloaded changes nothing.
 */
@Service
@Transactional(readOnly = true)
class ImportTemplates {

	/** A template to download. */
	record Template(String fileName, byte[] content) {
	}

	private final ActionPlans actionPlans;

	private final PlanRepository plans;

	private final ReferenceDenominatorRepository denominators;

	private final Geography geography;

	private final Clock clock;

	ImportTemplates(ActionPlans actionPlans, PlanRepository plans, ReferenceDenominatorRepository denominators,
			Geography geography, Clock clock) {
		this.actionPlans = actionPlans;
		this.plans = plans;
		this.denominators = denominators;
		this.geography = geography;
		this.clock = clock;
	}

	/**
	 * A template for one year: the header, then the province and each of its communes in
	 * force today with code and name filled in and the figures already set.
	 * @param yearText the year asked for; the default year when it is none of the plan's
	 * @param semicolon whether cells are separated by semicolons (and decimals written
	 * with a comma), as Excel with Vietnamese regional settings reads them
	 */
	Template template(CurrentUser me, PlanId id, PlanImports.Kind kind, String yearText, boolean semicolon) {
		Plan plan = actionPlans.administered(me, id);
		int year = year(plan, yearText);
		List<AdministrativeUnit> units = geography.currentUnitsWithin(plan.province());
		List<String> header = new ArrayList<>(ImportSheet.FIXED);
		Map<UnitId, Map<String, String>> values = kind == PlanImports.Kind.TARGETS
				? targets(plan, year, header, semicolon) : denominators(plan, year, units, header);
		List<List<String>> rows = new ArrayList<>();
		rows.add(header);
		for (AdministrativeUnit unit : units) {
			List<String> row = new ArrayList<>(List.of(unit.code(), unit.fullName(), Integer.toString(year)));
			Map<String, String> set = values.getOrDefault(unit.id(), Map.of());
			header.subList(ImportSheet.FIXED.size(), header.size()).forEach(h -> row.add(set.getOrDefault(h, "")));
			rows.add(row);
		}
		String prefix = kind == PlanImports.Kind.TARGETS ? "chi-tieu-" : "mau-so-";
		return new Template(prefix + plan.number().replaceAll("[^A-Za-z0-9-]+", "-") + "-" + year + ".csv",
				CsvTable.write(semicolon ? ';' : ',', rows));
	}

	/** Adds a column per indicator; the targets set for the year, by unit and code. */
	private Map<UnitId, Map<String, String>> targets(Plan plan, int year, List<String> header, boolean semicolon) {
		Map<UnitId, Map<String, String>> values = new HashMap<>();
		Map<Long, String> codes = new HashMap<>();
		plans.indicators(plan.id()).forEach(i -> {
			header.add(i.code());
			codes.put(i.id(), i.code());
		});
		plans.planTargets(plan.id())
			.stream()
			.filter(t -> t.year() == year && codes.containsKey(t.indicatorId()))
			.forEach(t -> values.computeIfAbsent(t.unit(), u -> new HashMap<>())
				.put(codes.get(t.indicatorId()), number(t.value(), semicolon)));
		return values;
	}

	/**
	 * Adds a column per denominator kind; the denominators set for the year, by unit and
	 * kind.
	 */
	private Map<UnitId, Map<String, String>> denominators(Plan plan, int year, List<AdministrativeUnit> units,
			List<String> header) {
		Map<UnitId, Map<String, String>> values = new HashMap<>();
		List<UnitId> ids = units.stream().map(AdministrativeUnit::id).toList();
		for (DenominatorKind kind : PlanImports.importedKinds(plans.indicators(plan.id()))) {
			header.add(kind.name());
			denominators.denominators(kind, ids)
				.stream()
				.filter(d -> d.year() == year)
				.forEach(d -> values.computeIfAbsent(d.unit(), u -> new HashMap<>())
					.put(kind.name(), Long.toString(d.value())));
		}
		return values;
	}

	private int year(Plan plan, String text) {
		if (text != null && text.strip().matches("\\d{4}") && plan.covers(Integer.parseInt(text.strip()))) {
			return Integer.parseInt(text.strip());
		}
		return PlanImports.defaultYear(plan, clock);
	}

	private static String number(BigDecimal value, boolean decimalComma) {
		String plain = value.stripTrailingZeros().toPlainString();
		return decimalComma ? plain.replace('.', ',') : plain;
	}

}
