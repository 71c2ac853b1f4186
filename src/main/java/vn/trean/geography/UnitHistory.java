package vn.trean.geography;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a province in force today is made of over time (docs/domain.md §6): its communes
 * of today, every old unit (commune, district, province) whose territory went into them,
 * and two ways of grouping the records of all of them.
 * <ul>
 * <li>{@link View#CURRENT_COMMUNES}: an old commune merged whole into one commune of
 * today (directly or through an earlier merger) counts for that commune. An old commune
 * that was split, an old district and an old province cannot be put on one commune: each
 * is its own group, to be reviewed by a person; the system never guesses.</li>
 * <li>{@link View#OLD_DISTRICTS}: an old commune counts for its district; a commune of
 * today counts for the old district all its predecessors lay in, and is its own group to
 * review when they lay in several.</li>
 * </ul>
 * In both views the province itself counts only in the total, and the total is every unit
 * of the history: the sum of all groups plus the province's own records.
 *
 * @param province the province in force today
 * @param communes its communes in force today, in name order
 * @param oldDistricts the abolished districts whose communes went into it, by code
 * @param currentCommunes group of each unit in the view by communes of today
 * @param byOldDistrict group of each unit in the view by old districts
 * @param candidates for a group to review: the communes of today an old unit's territory
 * went into (by communes of today), or the old districts a commune of today was made from
 * (by old districts)
 */
public record UnitHistory(AdministrativeUnit province, List<AdministrativeUnit> communes,
		List<AdministrativeUnit> oldDistricts, Map<UnitId, UnitId> currentCommunes, Map<UnitId, UnitId> byOldDistrict,
		Map<UnitId, List<UnitId>> candidates) {

	/**
	 * Builds the history from the units involved and, for every unit whose territory went
	 * into a commune of today (and every such commune), the units in force it reaches and
	 * whether the way there crosses a split.
	 */
	static UnitHistory of(AdministrativeUnit province, List<AdministrativeUnit> communes,
			Map<UnitId, AdministrativeUnit> known, Map<UnitId, Set<UnitId>> reached, Set<UnitId> split,
			LocalDate today) {
		Grouping grouping = new Grouping(communes, known, today);
		for (AdministrativeUnit unit : known.values()) {
			if (!unit.validOn(today)) {
				grouping.placeOld(unit, reached.getOrDefault(unit.id(), Set.of()), split.contains(unit.id()));
			}
		}
		communes.forEach(grouping::placeCurrent);
		List<AdministrativeUnit> oldDistricts = known.values()
			.stream()
			.filter(u -> u.level() == AdministrativeUnit.Level.DISTRICT && !u.validOn(today))
			.sorted(Comparator.comparing(AdministrativeUnit::code))
			.toList();
		return new UnitHistory(province, communes, oldDistricts, grouping.byCommune, grouping.byDistrict,
				grouping.candidates);
	}

	/**
	 * The groups of both views while they are worked out: every old unit is placed first
	 * (which also notes the old districts each commune of today was made from), then
	 * every commune of today.
	 */
	private static final class Grouping {

		final Map<UnitId, UnitId> byCommune = new HashMap<>();

		final Map<UnitId, UnitId> byDistrict = new HashMap<>();

		final Map<UnitId, List<UnitId>> candidates = new HashMap<>();

		private final Map<UnitId, Set<UnitId>> districtsOfCommune = new HashMap<>();

		private final Set<UnitId> ofToday = new HashSet<>();

		private final Map<UnitId, AdministrativeUnit> known;

		private final LocalDate today;

		Grouping(List<AdministrativeUnit> communes, Map<UnitId, AdministrativeUnit> known, LocalDate today) {
			communes.forEach(c -> ofToday.add(c.id()));
			this.known = known;
			this.today = today;
		}

		/**
		 * An old unit, the units in force it reaches and whether the way crosses a split.
		 */
		void placeOld(AdministrativeUnit unit, Set<UnitId> reaches, boolean split) {
			UnitId id = unit.id();
			List<UnitId> inProvince = reaches.stream().filter(ofToday::contains).sorted(BY_ID).toList();
			if (unit.level() == AdministrativeUnit.Level.COMMUNE && !split && reaches.size() == 1
					&& inProvince.size() == 1) {
				byCommune.put(id, inProvince.get(0));
			}
			else {
				byCommune.put(id, id);
				candidates.put(id, inProvince);
			}
			UnitId district = districtOf(unit, known, today);
			byDistrict.put(id, district != null ? district : id);
			if (unit.level() == AdministrativeUnit.Level.COMMUNE && district != null) {
				inProvince.forEach(c -> districtsOfCommune.computeIfAbsent(c, k -> new HashSet<>()).add(district));
			}
		}

		/** A commune of today, after every old unit. */
		void placeCurrent(AdministrativeUnit commune) {
			UnitId id = commune.id();
			byCommune.put(id, id);
			List<UnitId> districts = districtsOfCommune.getOrDefault(id, Set.of()).stream().sorted(BY_ID).toList();
			byDistrict.put(id, districts.size() == 1 ? districts.get(0) : id);
			if (districts.size() != 1) {
				candidates.put(id, districts);
			}
		}

	}

	private static final Comparator<UnitId> BY_ID = Comparator.comparingLong(UnitId::value);

	/** The abolished district a unit is or lies in, if any. */
	private static UnitId districtOf(AdministrativeUnit unit, Map<UnitId, AdministrativeUnit> known, LocalDate today) {
		AdministrativeUnit at = unit;
		for (int depth = 0; at != null && depth < 5; depth++) {
			if (at.level() == AdministrativeUnit.Level.DISTRICT && !at.validOn(today)) {
				return at.id();
			}
			at = at.parentId() == null ? null : known.get(at.parentId());
		}
		return null;
	}

	/** How the records of old and current units are grouped. */
	public enum View {

		/** On the communes in force today, through the old→new mapping. */
		CURRENT_COMMUNES,
		/** On the districts abolished in 2025, for comparison with the old reports. */
		OLD_DISTRICTS

	}

	public UnitHistory {
		communes = List.copyOf(communes);
		oldDistricts = List.copyOf(oldDistricts);
		currentCommunes = Map.copyOf(currentCommunes);
		byOldDistrict = Map.copyOf(byOldDistrict);
		candidates = Map.copyOf(candidates);
	}

	/**
	 * Each unit of the history and the group its records count for in the view; the
	 * province's own records map to {@code null} (they count only in the total).
	 */
	public Map<UnitId, UnitId> groups(View view) {
		Map<UnitId, UnitId> groups = new HashMap<>(view == View.CURRENT_COMMUNES ? currentCommunes : byOldDistrict);
		groups.put(province.id(), null);
		return groups;
	}

	/** Every unit whose records count for the province's total. */
	public Set<UnitId> units() {
		Set<UnitId> all = new HashSet<>(currentCommunes.keySet());
		all.add(province.id());
		return all;
	}

	/**
	 * The units whose records count for a group of a view: a commune of today with the
	 * old communes merged whole into it, an old district with its old communes and the
	 * communes of today that lie wholly in it, or a unit to review alone. The province
	 * counts everything.
	 */
	public Set<UnitId> unitsOf(UnitId group, View view) {
		if (group.equals(province.id())) {
			return units();
		}
		Set<UnitId> found = new HashSet<>();
		groups(view).forEach((unit, g) -> {
			if (group.equals(g)) {
				found.add(unit);
			}
		});
		return found;
	}

	/**
	 * The groups of a view that are not communes of today (for
	 * {@link View#CURRENT_COMMUNES}) or not old districts (for
	 * {@link View#OLD_DISTRICTS}): units a person must review before their records can be
	 * put on one.
	 */
	public Set<UnitId> toReview(View view) {
		Set<UnitId> regular = new HashSet<>();
		(view == View.CURRENT_COMMUNES ? communes : oldDistricts).forEach(u -> regular.add(u.id()));
		Set<UnitId> review = new HashSet<>();
		groups(view).values().forEach(g -> {
			if (g != null && !regular.contains(g)) {
				review.add(g);
			}
		});
		return review;
	}

}
