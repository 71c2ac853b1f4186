package vn.trean.registers;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;

/**
 * The statements every register's table answers the same way: how many rows lie on a set
 * of units, one page of them, and the deletion of a row read at a version. Table names
 * come from the registers' own constants, never from a request.
 */
@Repository
class RegisterRows {

	private final JdbcClient jdbc;

	RegisterRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Long[] ids(Collection<UnitId> units) {
		return units.stream().map(UnitId::value).toArray(Long[]::new);
	}

	/** How many records of a register's table lie on the units. */
	long count(String table, Collection<UnitId> units) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE unit_id = ANY(:units)")
			.param("units", ids(units))
			.query(Long.class)
			.single();
	}

	/**
	 * One page of a register's list: the statement selects the records on {@code :units}
	 * in an order ending with a unique column, so pages neither overlap nor skip.
	 */
	<T> List<T> page(String select, Collection<UnitId> units, long offset, int limit, RowMapper<T> row) {
		return jdbc.sql(select + " LIMIT :limit OFFSET :offset")
			.param("units", ids(units))
			.param("limit", limit)
			.param("offset", offset)
			.query(row)
			.list();
	}

	/**
	 * Deletes a row of a register's table read at {@code version}; false when it changed
	 * meanwhile (or is gone). What the row owns goes with it (the foreign keys cascade).
	 */
	boolean delete(String table, long id, int version) {
		return jdbc.sql("DELETE FROM " + table + " WHERE id = :id AND version = :version")
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	static Date sqlDate(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

}
