package vn.trean.geography;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.AdministrativeUnitRepository.Expiring;
import vn.trean.shared.VietnameseText;

/**
 * The histories of provinces ({@link UnitHistory}): which old units reach which communes
 * of today, read from the succession rows by one recursive query, and the units involved,
 * read through the {@link AdministrativeUnitRepository}'s cache. A history is kept for
 * {@link AdministrativeUnitRepository#SUBTREE_TTL} at most, like subtrees, and dropped at
 * once by an import on this instance.
 */
@Repository
class ProvinceHistories {

	/** One path of the old→new mapping: an old unit reaches a unit in force. */
	record Reach(UnitId origin, UnitId current, boolean partial) {
	}

	private final JdbcClient jdbc;

	private final AdministrativeUnitRepository units;

	private final Map<UnitId, Expiring<UnitHistory>> kept = new ConcurrentHashMap<>();

	ProvinceHistories(JdbcClient jdbc, AdministrativeUnitRepository units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	/**
	 * The province's history on a day: computed from the succession rows (see
	 * {@link UnitHistory}), or as kept.
	 */
	UnitHistory of(UnitId province, LocalDate on) {
		Expiring<UnitHistory> cached = kept.get(province);
		if (cached != null && cached.fresh()) {
			return cached.value();
		}
		AdministrativeUnit root = units.find(province).orElseThrow(() -> new UnknownUnit(province.toString()));
		List<AdministrativeUnit> communes = units.findChildren(province, on)
			.stream()
			.sorted(VietnameseText.byName(AdministrativeUnit::name))
			.toList();
		List<Reach> reaches = reaches(province, on);
		Map<UnitId, Set<UnitId>> reached = new HashMap<>();
		Set<UnitId> split = new HashSet<>();
		for (Reach r : reaches) {
			reached.computeIfAbsent(r.origin(), o -> new HashSet<>()).add(r.current());
			if (r.partial()) {
				split.add(r.origin());
			}
		}
		UnitHistory history = UnitHistory.of(root, communes, involved(reaches, on), reached, split, on);
		kept.put(province, Expiring.keep(history, AdministrativeUnitRepository.SUBTREE_TTL));
		return history;
	}

	/** Forgets every history: units were imported. */
	void forget() {
		kept.clear();
	}

	/**
	 * Every unit whose territory went (through any number of reforms) into a commune of
	 * today, and every unit in force that it reaches.
	 */
	private List<Reach> reaches(UnitId province, LocalDate on) {
		String validOn = AdministrativeUnitRepository.VALID_ON;
		return jdbc
			.sql("""
					WITH RECURSIVE back(unit_id) AS (
					  SELECT id FROM administrative_unit WHERE parent_id = :province AND""" + validOn
					+ """
							  UNION
							  SELECT s.predecessor_id FROM administrative_unit_succession s JOIN back b ON s.successor_id = b.unit_id),
							fwd(origin, unit_id, partial) AS (
							  SELECT unit_id, unit_id, false FROM back
							  UNION
							  SELECT f.origin, s.successor_id, f.partial OR s.kind = 'PARTIAL'
							  FROM fwd f JOIN administrative_unit_succession s ON s.predecessor_id = f.unit_id)
							SELECT f.origin, f.unit_id, f.partial FROM fwd f JOIN administrative_unit u ON u.id = f.unit_id
							WHERE"""
					+ validOn.replace("valid_", "u.valid_"))
			.param("province", province.value())
			.param("on", on)
			.query((rs, n) -> new Reach(new UnitId(rs.getLong(1)), new UnitId(rs.getLong(2)), rs.getBoolean(3)))
			.list();
	}

	/**
	 * The old units the paths start from, and the old districts and provinces above them.
	 */
	private Map<UnitId, AdministrativeUnit> involved(List<Reach> reaches, LocalDate on) {
		Set<UnitId> origins = new HashSet<>();
		reaches.forEach(r -> origins.add(r.origin()));
		Map<UnitId, AdministrativeUnit> known = new HashMap<>();
		units.findAll(origins).forEach(u -> known.put(u.id(), u));
		for (int level = 0; level < 2; level++) {
			Set<UnitId> parents = new HashSet<>();
			known.values()
				.stream()
				.filter(u -> !u.validOn(on) && u.parentId() != null && !known.containsKey(u.parentId()))
				.forEach(u -> parents.add(u.parentId()));
			units.findAll(parents).forEach(u -> known.put(u.id(), u));
		}
		return known;
	}

}
