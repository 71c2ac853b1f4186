package vn.trean.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The DHIS2 names of this system's codes, table {@code stat_dhis2_mapping}. */
@Repository
class Dhis2MappingRepository {

	/**
	 * One entry: its kind, the table of a data element ({@code ""} else), the code, the
	 * UID.
	 */
	record Entry(Dhis2Mapping.Kind kind, String table, String code, String uid) {
	}

	private final JdbcClient jdbc;

	Dhis2MappingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Entry> entries() {
		return jdbc.sql("SELECT kind, table_kind, code, uid FROM stat_dhis2_mapping ORDER BY kind, table_kind, code")
			.query((rs, row) -> new Entry(Dhis2Mapping.Kind.valueOf(rs.getString("kind")), rs.getString("table_kind"),
					rs.getString("code"), rs.getString("uid")))
			.list();
	}

	Dhis2Mapping mapping() {
		Map<String, String> elements = new HashMap<>();
		Map<String, String> combos = new HashMap<>();
		Map<String, String> units = new HashMap<>();
		for (Entry e : entries()) {
			switch (e.kind()) {
				case DATA_ELEMENT -> elements.put(e.table() + "/" + e.code(), e.uid());
				case CATEGORY_OPTION_COMBO -> combos.put(e.code(), e.uid());
				case ORG_UNIT -> units.put(e.code(), e.uid());
			}
		}
		return new Dhis2Mapping(elements, combos, units);
	}

	void save(Entry entry, String by, java.time.Instant at) {
		jdbc.sql("""
				INSERT INTO stat_dhis2_mapping (kind, table_kind, code, uid, updated_by, updated_at)
				VALUES (:kind, :table, :code, :uid, :by, :at)
				ON CONFLICT (kind, table_kind, code) DO UPDATE SET uid = :uid, updated_by = :by, updated_at = :at""")
			.param("kind", entry.kind().name())
			.param("table", entry.table())
			.param("code", entry.code())
			.param("uid", entry.uid())
			.param("by", by)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

}
