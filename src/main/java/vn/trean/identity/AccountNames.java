package vn.trean.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.shared.AgencyId;

/** Names of accounts, several at a time: for lists that name people. */
@Repository
class AccountNames {

	private final JdbcClient jdbc;

	AccountNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, String> displayNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, display_name FROM app_user WHERE id = ANY(:ids)")
				.param("ids", ids.toArray(Long[]::new))
				.query((rs, row) -> Map.entry(rs.getLong("id"), rs.getString("display_name")))
				.list()
				.forEach(e -> names.put(e.getKey(), e.getValue()));
		}
		return names;
	}

	Map<Long, String> enabledOfAgency(AgencyId agency) {
		Map<Long, String> members = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT id, display_name FROM app_user WHERE agency_id = :agency AND enabled
				ORDER BY display_name COLLATE vietnamese, id""")
			.param("agency", agency.value())
			.query((rs, row) -> Map.entry(rs.getLong("id"), rs.getString("display_name")))
			.list()
			.forEach(e -> members.put(e.getKey(), e.getValue()));
		return members;
	}

}
