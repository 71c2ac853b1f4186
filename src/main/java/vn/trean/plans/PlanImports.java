package vn.trean.plans;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;

/**
 * Sets the targets or reference denominators of every unit of a plan's province at once
 * from a CSV file, as DHIS2 users import data values: a template to download with the
 * units filled in, and an upload read in full, checked cell by cell with the rules of the
 * single-figure form, and stored all together in one transaction with one audit entry, or
 * refused with every problem and nothing changed.
 */
@Service
@Transactional
class PlanImports {

	/** What a file sets; its name in the addresses is the lower-case name. */
	enum Kind {

		TARGETS, DENOMINATORS;

		static Optional<Kind> named(String path) {
			for (Kind kind : values()) {
				if (kind.path().equals(path)) {
					return Optional.of(kind);
				}
			}
			return Optional.empty();
		}

		String path() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * What an import did: lines read, figures set (new or different), figures that
	 * already had the value, and blank cells left as they were.
	 */
	record Summary(Kind kind, int rows, int set, int unchanged, int blank) implements Serializable {
	}

	private final PlanRepository plans;

	private final ReferenceDenominatorRepository denominators;

	private final ActionPlans actionPlans;

	private final Geography geography;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PlanImportSettings settings;

	PlanImports(PlanRepository plans, ReferenceDenominatorRepository denominators, ActionPlans actionPlans,
			Geography geography, ApplicationEventPublisher events, Clock clock, PlanImportSettings settings) {
		this.plans = plans;
		this.denominators = denominators;
		this.actionPlans = actionPlans;
		this.geography = geography;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	ImportPage page(CurrentUser me, PlanId planId) {
		Plan plan = actionPlans.administered(me, planId);
		List<Indicator> indicators = plans.indicators(plan.id());
		return new ImportPage(plan, indicators, importedKinds(indicators),
				IntStream.rangeClosed(plan.startYear(), plan.endYear()).boxed().toList(), defaultYear(plan, clock),
				settings.maxFileSize().toKilobytes(), settings.maxRows());
	}

	/**
	 * Reads the whole file and sets every figure in it, or refuses it with every problem
	 * found and changes nothing.
	 * @throws ImportRefused listing what is wrong, by line and column
	 */
	Summary upload(Actor actor, PlanId id, Kind kind, ImportUpload upload) {
		Plan plan = actionPlans.administered(actor.signedIn(), id);
		byte[] bytes = upload.bytes(settings.maxFileSize());
		CsvTable.Table table = CsvTable.read(bytes, settings.maxRows());
		Map<UnitId, String> codes = new HashMap<>();
		Function<String, Optional<ImportSheet.Place>> places = places(plan, codes);
		ImportChanges changes = new ImportChanges(codes, clock.instant());
		ImportSheet.Sheet<?> sheet = kind == Kind.TARGETS ? targets(actor, plan, table, places, changes)
				: denominators(actor, plan, table, places, changes);
		events.publishEvent(new PlanChanged(actor.name(), "PLAN_" + kind + "_IMPORTED", plan.id(),
				"file=" + upload.printableName() + " sha256=" + ImportUpload.sha256(bytes) + " rows=" + sheet.rows()
						+ " set=" + changes.set() + " unchanged=" + changes.unchanged() + " blank=" + sheet.blankCells()
						+ " changes=" + changes.detail(),
				actor.clientAddress(), changes.at()));
		return new Summary(kind, sheet.rows(), changes.set(), changes.unchanged(), sheet.blankCells());
	}

	/** Reads the targets of the file and sets those new or different. */
	private ImportSheet.Sheet<Indicator> targets(Actor actor, Plan plan, CsvTable.Table table,
			Function<String, Optional<ImportSheet.Place>> places, ImportChanges changes) {
		Map<String, Indicator> byCode = new LinkedHashMap<>();
		plans.indicators(plan.id()).forEach(i -> byCode.put(i.code(), i));
		ImportSheet.Sheet<Indicator> sheet = ImportSheet.read(table, plan,
				new ImportSheet.Columns<>(byCode, "plans.import.header.unknown-indicator", TargetPolicy::targetValue),
				places, settings.maxProblems());
		Map<String, BigDecimal> existing = new HashMap<>();
		plans.planTargets(plan.id())
			.forEach(t -> existing.put(t.indicatorId() + "|" + t.unit() + "|" + t.year(), t.value()));
		List<Target> changed = new ArrayList<>();
		for (ImportSheet.Figure<Indicator> f : sheet.figures()) {
			BigDecimal before = existing.get(f.column().id() + "|" + f.unit() + "|" + f.year());
			if (before != null && before.compareTo(f.value()) == 0) {
				changes.unchangedOne();
				continue;
			}
			changed.add(new Target(f.column().id(), f.year(), f.unit(), f.value(), actor.name(), changes.at()));
			changes.note(f.column().code(), f.unit(), f.year(),
					before == null ? "none" : before.stripTrailingZeros().toPlainString(),
					f.value().stripTrailingZeros().toPlainString());
		}
		plans.saveTargets(changed, actor.name(), changes.at());
		return sheet;
	}

	/** Reads the reference denominators of the file and sets those new or different. */
	private ImportSheet.Sheet<DenominatorKind> denominators(Actor actor, Plan plan, CsvTable.Table table,
			Function<String, Optional<ImportSheet.Place>> places, ImportChanges changes) {
		Map<String, DenominatorKind> byName = new LinkedHashMap<>();
		importedKinds(plans.indicators(plan.id())).forEach(k -> byName.put(k.name(), k));
		ImportSheet.Sheet<DenominatorKind> sheet = ImportSheet.read(table, plan, new ImportSheet.Columns<>(byName,
				"plans.import.header.unknown-kind", (k, text) -> TargetPolicy.denominatorValue(text)), places,
				settings.maxProblems());
		Map<String, Long> existing = new HashMap<>();
		for (DenominatorKind k : byName.values()) {
			denominators.denominators(k, changes.units())
				.forEach(d -> existing.put(k + "|" + d.unit() + "|" + d.year(), d.value()));
		}
		List<ReferenceDenominator> changed = new ArrayList<>();
		for (ImportSheet.Figure<DenominatorKind> f : sheet.figures()) {
			long value = f.value().longValueExact();
			Long before = existing.get(f.column() + "|" + f.unit() + "|" + f.year());
			if (before != null && before == value) {
				changes.unchangedOne();
				continue;
			}
			changed.add(new ReferenceDenominator(f.column(), f.unit(), f.year(), value, actor.name(), changes.at()));
			changes.note(f.column().name(), f.unit(), f.year(), before == null ? "none" : before.toString(),
					Long.toString(value));
		}
		denominators.saveDenominators(changed, actor.name(), changes.at());
		return sheet;
	}

	// ---- reading the upload ----

	/**
	 * What a unit code names today, by the rule of the single-figure form: allowed when
	 * the unit is in force and lies in the plan's province. Fills {@code codes} with the
	 * codes of the province's units, for the audit entry.
	 */
	private Function<String, Optional<ImportSheet.Place>> places(Plan plan, Map<UnitId, String> codes) {
		Map<String, UnitId> inProvince = new HashMap<>();
		for (AdministrativeUnit unit : geography.currentUnitsWithin(plan.province())) {
			if (unit.current()) {
				inProvince.put(unit.code(), unit.id());
				codes.put(unit.id(), unit.code());
			}
		}
		LocalDate today = geography.today();
		Map<String, Optional<ImportSheet.Place>> elsewhere = new HashMap<>();
		return code -> {
			UnitId id = inProvince.get(code);
			if (id != null) {
				return Optional.of(new ImportSheet.Place(id, true));
			}
			return elsewhere.computeIfAbsent(code, c -> geography.unitByCode(c, today)
				.map(u -> new ImportSheet.Place(u.id(), u.current() && geography.contains(plan.province(), u.id()))));
		};
	}

	// ---- helpers ----

	/** The denominators the plan's indicators divide by, in the indicators' order. */
	static List<DenominatorKind> kinds(List<Indicator> indicators) {
		return List.copyOf(indicators.stream()
			.map(Indicator::denominatorKind)
			.filter(Objects::nonNull)
			.collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
	}

	/**
	 * The denominators a plan's import and templates offer: those its indicators divide
	 * by, then the child population, which every plan of the province offers since it is
	 * tied to no indicator (the statistics divide by it).
	 */
	static List<DenominatorKind> importedKinds(List<Indicator> indicators) {
		LinkedHashSet<DenominatorKind> kinds = new LinkedHashSet<>(kinds(indicators));
		kinds.add(DenominatorKind.CHILDREN);
		return List.copyOf(kinds);
	}

	/** This year while the plan runs, else its nearest year. */
	static int defaultYear(Plan plan, Clock clock) {
		int now = LocalDate.now(clock).getYear();
		return Math.max(plan.startYear(), Math.min(plan.endYear(), now));
	}

}
