package vn.trean.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
import org.springframework.core.io.InputStreamSource;
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

	/** A file as uploaded; name and type are what the browser claims. */
	record Upload(String fileName, String contentType, long size, InputStreamSource content) {
	}

	/**
	 * What an import did: lines read, figures set (new or different), figures that
	 * already had the value, and blank cells left as they were.
	 */
	record Summary(Kind kind, int rows, int set, int unchanged, int blank) implements Serializable {
	}

	/** A template to download. */
	record Template(String fileName, byte[] content) {
	}

	/** Room for the list of changes in the audit entry's detail (1000 characters). */
	private static final int MAX_AUDITED_CHANGES = 700;

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
		return new ImportPage(plan, indicators, kinds(indicators),
				IntStream.rangeClosed(plan.startYear(), plan.endYear()).boxed().toList(), defaultYear(plan),
				settings.maxFileSize().toKilobytes(), settings.maxRows());
	}

	/**
	 * A template for one year: the header, then the province and each of its communes in
	 * force today with code and name filled in and the figures already set.
	 * @param yearText the year asked for; the default year when it is none of the plan's
	 * @param semicolon whether cells are separated by semicolons (and decimals written
	 * with a comma), as Excel with Vietnamese regional settings reads them
	 */
	@Transactional(readOnly = true)
	Template template(CurrentUser me, PlanId id, Kind kind, String yearText, boolean semicolon) {
		Plan plan = actionPlans.administered(me, id);
		long planId = plan.id();
		int year = year(plan, yearText);
		List<AdministrativeUnit> units = geography.currentUnitsWithin(plan.province());
		List<Indicator> indicators = plans.indicators(planId);
		List<String> header = new ArrayList<>(ImportSheet.FIXED);
		Map<UnitId, Map<String, String>> values = new HashMap<>();
		if (kind == Kind.TARGETS) {
			Map<Long, String> codes = new HashMap<>();
			indicators.forEach(i -> {
				header.add(i.code());
				codes.put(i.id(), i.code());
			});
			plans.planTargets(planId)
				.stream()
				.filter(t -> t.year() == year && codes.containsKey(t.indicatorId()))
				.forEach(t -> values.computeIfAbsent(t.unit(), u -> new HashMap<>())
					.put(codes.get(t.indicatorId()), number(t.value(), semicolon)));
		}
		else {
			List<UnitId> ids = units.stream().map(AdministrativeUnit::id).toList();
			for (DenominatorKind denominator : kinds(indicators)) {
				header.add(denominator.name());
				this.denominators.denominators(denominator, ids)
					.stream()
					.filter(d -> d.year() == year)
					.forEach(d -> values.computeIfAbsent(d.unit(), u -> new HashMap<>())
						.put(denominator.name(), Long.toString(d.value())));
			}
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(header);
		for (AdministrativeUnit unit : units) {
			List<String> row = new ArrayList<>(List.of(unit.code(), unit.fullName(), Integer.toString(year)));
			Map<String, String> set = values.getOrDefault(unit.id(), Map.of());
			header.subList(ImportSheet.FIXED.size(), header.size()).forEach(h -> row.add(set.getOrDefault(h, "")));
			rows.add(row);
		}
		String prefix = kind == Kind.TARGETS ? "chi-tieu-" : "mau-so-";
		return new Template(prefix + plan.number().replaceAll("[^A-Za-z0-9-]+", "-") + "-" + year + ".csv",
				CsvTable.write(semicolon ? ';' : ',', rows));
	}

	/**
	 * Reads the whole file and sets every figure in it, or refuses it with every problem
	 * found and changes nothing.
	 * @throws ImportRefused listing what is wrong, by line and column
	 */
	Summary upload(Actor actor, PlanId id, Kind kind, Upload upload) {
		Plan plan = actionPlans.administered(actor.signedIn(), id);
		long planId = plan.id();
		byte[] bytes = bytes(upload);
		CsvTable.Table table = CsvTable.read(bytes, settings.maxRows());
		List<Indicator> indicators = plans.indicators(planId);
		Map<UnitId, String> codes = new HashMap<>();
		Function<String, Optional<ImportSheet.Place>> places = places(plan, codes);
		Instant now = clock.instant();
		Changes changes = new Changes();
		ImportSheet.Sheet<?> sheet;
		if (kind == Kind.TARGETS) {
			Map<String, Indicator> byCode = new LinkedHashMap<>();
			indicators.forEach(i -> byCode.put(i.code(), i));
			ImportSheet.Sheet<Indicator> targets = ImportSheet.read(table, plan, new ImportSheet.Columns<>(byCode,
					"plans.import.header.unknown-indicator", TargetPolicy::targetValue), places,
					settings.maxProblems());
			Map<String, BigDecimal> existing = new HashMap<>();
			plans.planTargets(planId)
				.forEach(t -> existing.put(t.indicatorId() + "|" + t.unit() + "|" + t.year(), t.value()));
			List<Target> changed = new ArrayList<>();
			for (ImportSheet.Figure<Indicator> f : targets.figures()) {
				BigDecimal before = existing.get(f.column().id() + "|" + f.unit() + "|" + f.year());
				if (before != null && before.compareTo(f.value()) == 0) {
					changes.unchanged++;
					continue;
				}
				changed.add(new Target(f.column().id(), f.year(), f.unit(), f.value(), actor.name(), now));
				changes.note(f.column().code(), codes.get(f.unit()), f.year(),
						before == null ? "none" : before.stripTrailingZeros().toPlainString(),
						f.value().stripTrailingZeros().toPlainString());
			}
			plans.saveTargets(changed, actor.name(), now);
			changes.set = changed.size();
			sheet = targets;
		}
		else {
			Map<String, DenominatorKind> byName = new LinkedHashMap<>();
			kinds(indicators).forEach(k -> byName.put(k.name(), k));
			ImportSheet.Sheet<DenominatorKind> denominators = ImportSheet.read(table, plan,
					new ImportSheet.Columns<>(byName, "plans.import.header.unknown-kind",
							(k, text) -> TargetPolicy.denominatorValue(text)),
					places, settings.maxProblems());
			Map<String, Long> existing = new HashMap<>();
			for (DenominatorKind k : byName.values()) {
				this.denominators.denominators(k, codes.keySet())
					.forEach(d -> existing.put(k + "|" + d.unit() + "|" + d.year(), d.value()));
			}
			List<ReferenceDenominator> changed = new ArrayList<>();
			for (ImportSheet.Figure<DenominatorKind> f : denominators.figures()) {
				long value = f.value().longValueExact();
				Long before = existing.get(f.column() + "|" + f.unit() + "|" + f.year());
				if (before != null && before == value) {
					changes.unchanged++;
					continue;
				}
				changed.add(new ReferenceDenominator(f.column(), f.unit(), f.year(), value, actor.name(), now));
				changes.note(f.column().name(), codes.get(f.unit()), f.year(),
						before == null ? "none" : before.toString(), Long.toString(value));
			}
			this.denominators.saveDenominators(changed, actor.name(), now);
			changes.set = changed.size();
			sheet = denominators;
		}
		events.publishEvent(new PlanChanged(actor.name(), "PLAN_" + kind + "_IMPORTED", planId,
				"file=" + printable(upload.fileName()) + " sha256=" + sha256(bytes) + " rows=" + sheet.rows() + " set="
						+ changes.set + " unchanged=" + changes.unchanged + " blank=" + sheet.blankCells() + " changes="
						+ changes.detail(),
				actor.clientAddress(), now));
		return new Summary(kind, sheet.rows(), changes.set, changes.unchanged, sheet.blankCells());
	}

	/** The figures an import changes, as many as the audit entry has room for. */
	private static final class Changes {

		int set;

		int unchanged;

		private final StringBuilder listed = new StringBuilder();

		private int notListed;

		void note(String column, String unitCode, int year, String before, String after) {
			String change = column + "@" + unitCode + "/" + year + ":" + before + "->" + after + ";";
			if (notListed == 0 && listed.length() + change.length() <= MAX_AUDITED_CHANGES) {
				listed.append(change);
			}
			else {
				notListed++;
			}
		}

		String detail() {
			return listed.length() == 0 ? "none" : listed + (notListed > 0 ? " +" + notListed + " more" : "");
		}

	}

	// ---- reading the upload ----

	private byte[] bytes(Upload upload) {
		if (upload == null || upload.fileName() == null || upload.fileName().isBlank()) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.missing", null));
		}
		if (!CsvTable.acceptsType(upload.fileName(), upload.contentType())) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.type", null));
		}
		long max = settings.maxFileSize().toBytes();
		ImportRefused tooLarge = new ImportRefused(
				ImportProblem.file("plans.import.file.too-large", Long.toString(settings.maxFileSize().toKilobytes())));
		if (upload.size() > max) {
			throw tooLarge;
		}
		try (InputStream in = upload.content().getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
			if (bytes.length > max) {
				throw tooLarge;
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.unreadable", null));
		}
	}

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
	private static List<DenominatorKind> kinds(List<Indicator> indicators) {
		return List.copyOf(indicators.stream()
			.map(Indicator::denominatorKind)
			.filter(Objects::nonNull)
			.collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
	}

	/** This year while the plan runs, else its nearest year. */
	private int defaultYear(Plan plan) {
		int now = LocalDate.now(clock).getYear();
		return Math.max(plan.startYear(), Math.min(plan.endYear(), now));
	}

	private int year(Plan plan, String text) {
		if (text != null && text.strip().matches("\\d{4}") && plan.covers(Integer.parseInt(text.strip()))) {
			return Integer.parseInt(text.strip());
		}
		return defaultYear(plan);
	}

	private static String number(BigDecimal value, boolean decimalComma) {
		String plain = value.stripTrailingZeros().toPlainString();
		return decimalComma ? plain.replace('.', ',') : plain;
	}

	/** The file name as the audit log may keep it: no control characters, bounded. */
	private static String printable(String fileName) {
		String name = fileName.replaceAll("[\\p{Cntrl}\\s]+", "_");
		return name.length() > 80 ? name.substring(0, 80) : name;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
