package vn.trean.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.geography.UnitId;
import vn.trean.shared.Page;
import vn.trean.shared.Time;

/**
 * Runs a table's {@link CellQuery} over the read model for a period and a unit: every
 * count in one statement, or one page of the records behind a cell.
 */
@Component
class CellCounts {

	private final JdbcClient jdbc;

	CellCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The counts by row and counted column, in the query's order. */
	long[][] count(CellQuery query, StatisticsPeriod period, StatisticsUnit unit) {
		int columns = (int) query.columns().stream().filter(CellQuery.Split::counted).count();
		long[][] counts = new long[query.rows().size()][columns];
		jdbc.sql(query.countStatement()).params(parameters(period, unit)).query(rs -> {
			if (rs.next()) {
				for (int r = 0; r < counts.length; r++) {
					for (int c = 0; c < columns; c++) {
						counts[r][c] = rs.getLong(r * columns + c + 1);
					}
				}
			}
			return counts;
		});
		return counts;
	}

	/** One page of the facts a cell counts, in the order of their day. */
	Page<CellRecord> list(CellQuery query, CellQuery.Line row, CellQuery.Split column, StatisticsPeriod period,
			StatisticsUnit unit, int page, int size) {
		Map<String, Object> parameters = parameters(period, unit);
		parameters.put("limit", Page.fetchSize(size));
		parameters.put("offset", Page.offset(page, size));
		List<CellRecord> fetched = jdbc.sql(query.listStatement(row, column))
			.params(parameters)
			.query((rs, n) -> new CellRecord(query.items(), rs.getString("item_id"),
					new UnitId(rs.getLong("item_unit")), rs.getObject("item_day", LocalDate.class)))
			.list();
		return Page.of(fetched, page, size);
	}

	private static Map<String, Object> parameters(StatisticsPeriod period, StatisticsUnit unit) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("units", unit.countedIds());
		parameters.put("fromDay", period.from());
		parameters.put("toDay", period.to());
		parameters.put("from", OffsetDateTime.from(period.from().atStartOfDay(Time.ZONE)));
		parameters.put("until", OffsetDateTime.from(period.to().plusDays(1).atStartOfDay(Time.ZONE)));
		parameters.put("zone", Time.ZONE.getId());
		return parameters;
	}

}
