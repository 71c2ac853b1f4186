package vn.trean.geography;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.shared.VietnameseText;

/** Administrative units and their succession rows in PostgreSQL. */
@Repository
class AdministrativeUnitRepository {

	private static final String COLUMNS = "id, code, level, unit_type, unit_type_label, name, full_name, name_en, "
			+ "alt_name, parent_id, valid_from, valid_to, note";

	static final String VALID_ON = " (valid_from IS NULL OR valid_from <= :on) AND (valid_to IS NULL OR valid_to >= :on) ";

	private final JdbcClient jdbc;

	/**
	 * Units and their chains of parents never change once imported (a reform adds new
	 * rows), so every instance may keep them in memory; misses are not cached.
	 */
	private final Map<UnitId, AdministrativeUnit> units = new ConcurrentHashMap<>();

	private final Map<UnitId, List<UnitId>> ancestries = new ConcurrentHashMap<>();

	/**
	 * What lies under a unit does change when a reform's rows are imported, so these are
	 * kept for {@link #SUBTREE_TTL} at most (another instance's import shows within that
	 * time) and dropped at once by an import on this instance. Every list of cases,
	 * reports or users in a jurisdiction asks for one.
	 */
	private final Map<UnitId, Expiring<Set<UnitId>>> subtrees = new ConcurrentHashMap<>();

	static final Duration SUBTREE_TTL = Duration.ofMinutes(10);

	record Expiring<T>(T value, long expiresAtNanos) {

		static <T> Expiring<T> keep(T value, Duration ttl) {
			return new Expiring<>(value, System.nanoTime() + ttl.toNanos());
		}

		boolean fresh() {
			return System.nanoTime() - expiresAtNanos < 0;
		}

	}

	AdministrativeUnitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AdministrativeUnit> find(UnitId id) {
		AdministrativeUnit cached = units.get(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<AdministrativeUnit> found = jdbc.sql("SELECT " + COLUMNS + " FROM administrative_unit WHERE id = :id")
			.param("id", id.value())
			.query(AdministrativeUnitRepository::map)
			.optional();
		found.ifPresent(unit -> units.put(id, unit));
		return found;
	}

	List<AdministrativeUnit> findAll(Collection<UnitId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<AdministrativeUnit> found = jdbc
			.sql("SELECT " + COLUMNS + " FROM administrative_unit WHERE id = ANY(:ids) ORDER BY level, code")
			.param("ids", ids.stream().map(UnitId::value).toArray(Long[]::new))
			.query(AdministrativeUnitRepository::map)
			.list();
		// kept like single finds: a page naming a province's old units (found together
		// when its history is built) then asks for none of them again
		found.forEach(unit -> units.put(unit.id(), unit));
		return found;
	}

	List<AdministrativeUnit> findByCode(String code, LocalDate on) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM administrative_unit WHERE code = :code AND" + VALID_ON)
			.param("code", code)
			.param("on", on)
			.query(AdministrativeUnitRepository::map)
			.list();
	}

	List<AdministrativeUnit> findAllByCode(String code) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM administrative_unit WHERE code = :code ORDER BY valid_from NULLS FIRST")
			.param("code", code)
			.query(AdministrativeUnitRepository::map)
			.list();
	}

	List<AdministrativeUnit> findChildren(UnitId parent, LocalDate on) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM administrative_unit WHERE parent_id = :parent AND" + VALID_ON
					+ "ORDER BY unit_type, name COLLATE vietnamese")
			.param("parent", parent.value())
			.param("on", on)
			.query(AdministrativeUnitRepository::map)
			.list();
	}

	List<AdministrativeUnit> findRoots(LocalDate on) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM administrative_unit WHERE parent_id IS NULL AND" + VALID_ON
					+ "ORDER BY code")
			.param("on", on)
			.query(AdministrativeUnitRepository::map)
			.list();
	}

	List<AdministrativeUnit> search(String query, LocalDate on, int limit) {
		String sql = "SELECT " + COLUMNS + " FROM administrative_unit WHERE search_key LIKE :pattern ESCAPE '\\'"
				+ (on == null ? "" : " AND" + VALID_ON)
				+ " ORDER BY (valid_to IS NOT NULL), level, name COLLATE vietnamese LIMIT :limit";
		var spec = jdbc.sql(sql)
			.param("pattern", "%" + escapeLike(VietnameseText.fold(query)) + "%")
			.param("limit", limit);
		if (on != null) {
			spec = spec.param("on", on);
		}
		return spec.query(AdministrativeUnitRepository::map).list();
	}

	/** Ids of the unit and every unit above it, nearest first. */
	List<UnitId> ancestry(UnitId id) {
		List<UnitId> cached = ancestries.get(id);
		if (cached != null) {
			return cached;
		}
		List<UnitId> chain = List.copyOf(queryAncestry(id));
		if (!chain.isEmpty()) {
			ancestries.put(id, chain);
		}
		return chain;
	}

	private List<UnitId> queryAncestry(UnitId id) {
		return jdbc.sql("""
				WITH RECURSIVE up(id, parent_id, depth) AS (
				  SELECT id, parent_id, 0 FROM administrative_unit WHERE id = :id
				  UNION ALL
				  SELECT u.id, u.parent_id, up.depth + 1 FROM administrative_unit u JOIN up ON u.id = up.parent_id
				  WHERE up.depth < 10)
				SELECT id FROM up ORDER BY depth""")
			.param("id", id.value())
			.query((rs, n) -> new UnitId(rs.getLong(1)))
			.list();
	}

	/** Ids of the unit and every unit below it, in any period (unmodifiable). */
	Set<UnitId> subtree(UnitId root) {
		Expiring<Set<UnitId>> cached = subtrees.get(root);
		if (cached != null && cached.fresh()) {
			return cached.value();
		}
		Set<UnitId> found = Set.copyOf(querySubtree(root));
		subtrees.put(root, Expiring.keep(found, SUBTREE_TTL));
		return found;
	}

	/** Forgets what lies under which unit: units were imported. */
	void forgetSubtrees() {
		subtrees.clear();
	}

	private Set<UnitId> querySubtree(UnitId root) {
		return new HashSet<>(jdbc.sql("""
				WITH RECURSIVE down(id, depth) AS (
				  SELECT id, 0 FROM administrative_unit WHERE id = :id
				  UNION ALL
				  SELECT u.id, down.depth + 1 FROM administrative_unit u JOIN down ON u.parent_id = down.id
				  WHERE down.depth < 10)
				SELECT id FROM down""").param("id", root.value()).query((rs, n) -> new UnitId(rs.getLong(1))).list());
	}

	List<Succession> successionsFrom(UnitId predecessor) {
		return successions("s.predecessor_id = :id", predecessor);
	}

	List<Succession> successionsInto(UnitId successor) {
		return successions("s.successor_id = :id", successor);
	}

	private List<Succession> successions(String condition, UnitId id) {
		record Row(long predecessor, long successor, String kind, LocalDate effectiveOn, String legalBasis) {
		}
		List<Row> rows = jdbc
			.sql("SELECT predecessor_id, successor_id, kind, effective_on, legal_basis "
					+ "FROM administrative_unit_succession s WHERE " + condition + " ORDER BY s.id")
			.param("id", id.value())
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5)))
			.list();
		Set<UnitId> ids = new HashSet<>();
		rows.forEach(r -> {
			ids.add(new UnitId(r.predecessor()));
			ids.add(new UnitId(r.successor()));
		});
		var byId = new java.util.HashMap<UnitId, AdministrativeUnit>();
		findAll(ids).forEach(u -> byId.put(u.id(), u));
		return rows.stream()
			.map(r -> new Succession(byId.get(new UnitId(r.predecessor())), byId.get(new UnitId(r.successor())),
					Succession.Kind.valueOf(r.kind()), r.effectiveOn(), r.legalBasis()))
			.toList();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static AdministrativeUnit map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		UnitId parentId = rs.wasNull() ? null : new UnitId(parent);
		return new AdministrativeUnit(new UnitId(rs.getLong("id")), rs.getString("code"),
				AdministrativeUnit.Level.valueOf(rs.getString("level")), rs.getString("unit_type"),
				rs.getString("unit_type_label"), rs.getString("name"), rs.getString("full_name"),
				rs.getString("name_en"), rs.getString("alt_name"), parentId,
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getString("note"));
	}

}
