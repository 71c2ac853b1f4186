package vn.trean.geography;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.shared.VietnameseText;

/**
 * Answers every question the other modules ask about places: which units lie under a unit
 * on a date, which unit a code names on a date, what an old unit became, and whether one
 * unit lies within another (the basis of every jurisdiction check).
 */
@Service
@Transactional(readOnly = true)
public class Geography {

	private static final int MAX_SUCCESSION_STEPS = 20;

	private final AdministrativeUnitRepository units;

	private final ProvinceHistories histories;

	private final Clock clock;

	Geography(AdministrativeUnitRepository units, ProvinceHistories histories, Clock clock) {
		this.units = units;
		this.histories = histories;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public Optional<AdministrativeUnit> find(UnitId id) {
		return units.find(id);
	}

	public AdministrativeUnit get(UnitId id) {
		return units.find(id).orElseThrow(() -> new UnknownUnit(id.toString()));
	}

	/** The unit that a code names on a date; codes are reused across periods. */
	public Optional<AdministrativeUnit> unitByCode(String code, LocalDate on) {
		return units.findByCode(code, on).stream().findFirst();
	}

	/** Every unit that has carried the code, oldest first. */
	public List<AdministrativeUnit> unitsEverCoded(String code) {
		return units.findAllByCode(code);
	}

	/** The units directly under a unit that are valid on a date. */
	public List<AdministrativeUnit> unitsUnder(UnitId parent, LocalDate on) {
		return units.findChildren(parent, on);
	}

	/** The top-level units (provinces) valid on a date. */
	public List<AdministrativeUnit> provinces(LocalDate on) {
		return units.findRoots(on);
	}

	/**
	 * Units whose name (either tone-mark spelling) or code contains the query, folded.
	 * @param on only units valid on this date, or every period when {@code null}
	 */
	public List<AdministrativeUnit> search(String query, LocalDate on, int limit) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		return units.search(query, on, limit);
	}

	/** The units above a unit, from the top down, not including the unit itself. */
	public List<AdministrativeUnit> ancestors(UnitId id) {
		List<UnitId> chain = units.ancestry(id);
		List<AdministrativeUnit> result = new ArrayList<>();
		for (int i = chain.size() - 1; i >= 1; i--) {
			units.find(chain.get(i)).ifPresent(result::add);
		}
		return result;
	}

	/**
	 * The top-level unit (province) a unit lies in, or the unit itself when it is one.
	 */
	public UnitId provinceOf(UnitId unit) {
		List<UnitId> chain = units.ancestry(unit);
		return chain.isEmpty() ? unit : chain.get(chain.size() - 1);
	}

	/** Whether {@code unit} is {@code ancestor} itself or lies anywhere below it. */
	public boolean contains(UnitId ancestor, UnitId unit) {
		return units.ancestry(unit).contains(ancestor);
	}

	/** The unit and every unit below it, in every period. */
	public Set<UnitId> unitsWithin(UnitId root) {
		return units.subtree(root);
	}

	/** The unit and the units below it that are in force today, the unit first. */
	public List<AdministrativeUnit> currentUnitsWithin(UnitId root) {
		LocalDate today = today();
		List<AdministrativeUnit> result = new ArrayList<>();
		result.add(get(root));
		result.addAll(units.findAll(units.subtree(root))
			.stream()
			.filter(u -> !u.id().equals(root) && u.validOn(today))
			.sorted(java.util.Comparator.comparing(AdministrativeUnit::level)
				.thenComparing(VietnameseText.byName(AdministrativeUnit::name)))
			.toList());
		return result;
	}

	/**
	 * The names pages show for unit ids: every unit in force in the unit's province, and
	 * every province.
	 */
	public Map<UnitId, String> currentNamesAround(UnitId unit) {
		UnitId province = provinceOf(unit);
		LocalDate today = today();
		var cached = namesAround.get(province);
		if (cached != null && cached.value().day().equals(today) && cached.fresh()) {
			return cached.value().names();
		}
		Map<UnitId, String> found = new java.util.HashMap<>();
		currentUnitsWithin(province).forEach(u -> found.put(u.id(), u.fullName()));
		provinces(today).forEach(u -> found.put(u.id(), u.fullName()));
		Map<UnitId, String> names = Map.copyOf(found);
		namesAround.put(province, AdministrativeUnitRepository.Expiring.keep(new NamesOn(today, names),
				AdministrativeUnitRepository.SUBTREE_TTL));
		return names;
	}

	private record NamesOn(LocalDate day, Map<UnitId, String> names) {
	}

	/**
	 * Every list page names the units in it: kept per province and day, like subtrees.
	 */
	private final Map<UnitId, AdministrativeUnitRepository.Expiring<NamesOn>> namesAround = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * What a province in force today is made of over time: its communes, the old units
	 * that went into them, and how their records are grouped on today's communes or on
	 * the old districts.
	 */
	public UnitHistory history(UnitId province) {
		return histories.of(province, today());
	}

	/**
	 * The units whose records count for a unit in force today: a province's whole
	 * history, a commune with the old communes merged whole into it; any other unit's
	 * subtree.
	 */
	public Set<UnitId> unitsCountedFor(UnitId unit) {
		AdministrativeUnit found = get(unit);
		if (!found.validOn(today())) {
			return oldUnitCountedFor(found);
		}
		UnitId province = provinceOf(unit);
		UnitHistory history = history(province);
		Set<UnitId> counted = new java.util.HashSet<>(unitsWithin(unit));
		counted
			.addAll(unit.equals(province) ? history.units() : history.unitsOf(unit, UnitHistory.View.CURRENT_COMMUNES));
		return counted;
	}

	/**
	 * The units whose records a register list of a unit in force today shows: its subtree
	 * and the old communes merged whole into one of its communes. Narrower than
	 * {@link #unitsCountedFor}: the units to review (a split ward, an old district's or
	 * province's own records) count in a province's total but are not listed, since part
	 * of their territory may have gone to another commune or province.
	 */
	public Set<UnitId> unitsListedFor(UnitId unit) {
		Set<UnitId> within = unitsWithin(unit);
		Set<UnitId> listed = new java.util.HashSet<>(within);
		history(provinceOf(unit)).groups(UnitHistory.View.CURRENT_COMMUNES).forEach((old, commune) -> {
			if (commune != null && !commune.equals(old) && within.contains(commune)) {
				listed.add(old);
			}
		});
		return listed;
	}

	/**
	 * An old district counts its subtree and the communes of today made from its communes
	 * alone (as the view by old districts groups them); any other old unit its subtree.
	 */
	private Set<UnitId> oldUnitCountedFor(AdministrativeUnit unit) {
		Set<UnitId> within = unitsWithin(unit.id());
		if (unit.level() != AdministrativeUnit.Level.DISTRICT) {
			return within;
		}
		for (UnitId part : within) {
			CurrentUnits now = currentUnitsFor(part);
			if (!now.units().isEmpty()) {
				UnitHistory history = history(provinceOf(now.units().get(0).id()));
				Set<UnitId> counted = new java.util.HashSet<>(within);
				counted.addAll(history.unitsOf(unit.id(), UnitHistory.View.OLD_DISTRICTS));
				return counted;
			}
		}
		return within;
	}

	/** What a unit went into at the reform that ended it. */
	public Successors successorsOf(UnitId id) {
		return new Successors(units.successionsFrom(id));
	}

	/** What went into a unit. */
	public List<Succession> predecessorsOf(UnitId id) {
		return units.successionsInto(id);
	}

	/**
	 * The unit or units in force today that a historical unit became, following every
	 * reform in turn (for example a 2024 merger, then the 2025 one). Crossing a split
	 * flags the result for review.
	 */
	public CurrentUnits currentUnitsFor(UnitId id) {
		LocalDate today = today();
		Map<UnitId, AdministrativeUnit> found = new LinkedHashMap<>();
		boolean needsReview = false;
		Deque<AdministrativeUnit> frontier = new ArrayDeque<>();
		frontier.add(get(id));
		int steps = 0;
		while (!frontier.isEmpty() && steps++ < MAX_SUCCESSION_STEPS) {
			AdministrativeUnit unit = frontier.poll();
			if (unit.validOn(today)) {
				found.putIfAbsent(unit.id(), unit);
				continue;
			}
			Successors successors = successorsOf(unit.id());
			if (successors.successions().isEmpty()) {
				needsReview = true;
			}
			needsReview |= successors.needsReview();
			successors.successions().forEach(s -> frontier.add(s.successor()));
		}
		return new CurrentUnits(List.copyOf(found.values()), needsReview || found.isEmpty());
	}

}
