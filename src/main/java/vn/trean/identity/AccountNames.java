package vn.trean.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
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
		return ids.isEmpty() ? Map.of() : named(jdbc.sql("SELECT id, display_name FROM app_user WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(Long[]::new)));
	}

	Map<Long, String> enabledOfAgency(AgencyId agency) {
		return named(jdbc.sql("""
				SELECT id, display_name FROM app_user WHERE agency_id = :agency AND enabled
				ORDER BY display_name COLLATE vietnamese, id""").param("agency", agency.value()));
	}

	/** Each account's display name by id, in the statement's order. */
	private static Map<Long, String> named(JdbcClient.StatementSpec statement) {
		Map<Long, String> names = new LinkedHashMap<>();
		statement.query((RowCallbackHandler) rs -> names.put(rs.getLong("id"), rs.getString("display_name")));
		return names;
	}

}
