package vn.trean.children;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.UnitId;

/**
 * The facts of children's special circumstances and supports for the statistics, read in
 * batches: the current version of each record (ended ones included), two statements per
 * batch whatever its size, so a rebuild of every record reads them in passes of up to a
 * thousand children. Changes are told by {@link SpecialCircumstancesChanged}.
 */
@Component
public class SpecialCircumstances {

	private final JdbcClient jdbc;

	SpecialCircumstances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The current version of every entry and support of these children (ended ones
	 * included), in the order of the children given; a child without any has empty lists.
	 */
	@Transactional(readOnly = true)
	public List<CircumstanceFacts> factsOf(Collection<ChildId> children) {
		Long[] ids = children.stream().map(ChildId::value).distinct().toArray(Long[]::new);
		Map<Long, List<CircumstanceFacts.GroupSpan>> groups = ids.length == 0 ? Map.of() : groupsOf(ids);
		Map<Long, List<CircumstanceFacts.SupportSpan>> supports = ids.length == 0 ? Map.of() : supportsOf(ids);
		List<CircumstanceFacts> facts = new ArrayList<>();
		for (Long id : ids) {
			facts.add(new CircumstanceFacts(new ChildId(id), groups.getOrDefault(id, List.of()),
					supports.getOrDefault(id, List.of())));
		}
		return facts;
	}

	/** The current version of the children's entries, by child, in one statement. */
	private Map<Long, List<CircumstanceFacts.GroupSpan>> groupsOf(Long[] ids) {
		Map<Long, List<CircumstanceFacts.GroupSpan>> groups = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT e.id, e.child_id, e.unit_id, v.group_code, v.started_on, v.ended_on FROM circumstance_entry e
				JOIN circumstance_entry_version v ON v.entry_id = e.id AND v.version = e.version
				WHERE e.child_id = ANY(:children) ORDER BY e.child_id, v.started_on, e.id""")
			.param("children", ids)
			.query((ResultSet rs) -> {
				groups.computeIfAbsent(rs.getLong("child_id"), k -> new ArrayList<>())
					.add(new CircumstanceFacts.GroupSpan(rs.getLong("id"),
							SpecialCircumstance.valueOf(rs.getString("group_code")), new UnitId(rs.getLong("unit_id")),
							CircumstanceStore.date(rs, "started_on"), CircumstanceStore.date(rs, "ended_on")));
			});
		return groups;
	}

	/** The current version of the children's supports, by child, in one statement. */
	private Map<Long, List<CircumstanceFacts.SupportSpan>> supportsOf(Long[] ids) {
		Map<Long, List<CircumstanceFacts.SupportSpan>> supports = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT s.id, s.child_id, s.unit_id, v.kind, v.from_on, v.to_on, v.agency_id FROM support_entry s
				JOIN support_entry_version v ON v.support_id = s.id AND v.version = s.version
				WHERE s.child_id = ANY(:children) ORDER BY s.child_id, v.from_on, s.id""")
			.param("children", ids)
			.query((ResultSet rs) -> {
				supports.computeIfAbsent(rs.getLong("child_id"), k -> new ArrayList<>())
					.add(new CircumstanceFacts.SupportSpan(rs.getLong("id"), SupportKind.valueOf(rs.getString("kind")),
							new UnitId(rs.getLong("unit_id")), CircumstanceStore.date(rs, "from_on"),
							CircumstanceStore.date(rs, "to_on"), CircumstanceStore.agency(rs)));
			});
		return supports;
	}

	/**
	 * Children with at least one entry or support, ids above {@code after} (null: from
	 * the start), ascending, at most limit.
	 */
	@Transactional(readOnly = true)
	public List<ChildId> childrenWithEntries(@Nullable ChildId after, int limit) {
		return jdbc
			.sql("""
					SELECT child_id FROM (
					  (SELECT DISTINCT child_id FROM circumstance_entry WHERE child_id > :after ORDER BY child_id LIMIT :limit)
					  UNION
					  (SELECT DISTINCT child_id FROM support_entry WHERE child_id > :after ORDER BY child_id LIMIT :limit)
					) c ORDER BY child_id LIMIT :limit""")
			.param("after", after == null ? Long.MIN_VALUE : after.value())
			.param("limit", Math.max(0, limit))
			.query((rs, n) -> new ChildId(rs.getLong(1)))
			.list();
	}

}
