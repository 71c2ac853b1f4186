package vn.trean.registers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitHistory;
import vn.trean.geography.UnitId;
import vn.trean.registers.RegisterCounts.Count;

/**
 * The counts of {@link RegisterCounts#countsByGroup}: every count of every group of a
 * province's history for a range of years, one query per {@link CountFamily} run side by
 * side, whatever the number of groups and years.
 */
@Component
class CommuneCounts {

	private final JdbcClient jdbc;

	private final Geography geography;

	private final Executor executor;

	private final TransactionTemplate transactions;

	private final CountStatements statements;

	CommuneCounts(JdbcClient jdbc, Geography geography, @Qualifier("applicationTaskExecutor") Executor executor,
			PlatformTransactionManager transactionManager, CountStatements statements) {
		this.jdbc = jdbc;
		this.geography = geography;
		this.statements = statements;
		this.executor = executor;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
	}

	/**
	 * Every count asked for, of every group of the province's history in the view and of
	 * the province, for every year from {@code fromYear} to {@code toYear}: one query per
	 * family of counts (the workforce, the facilities, the interview rooms, the
	 * households reached, and each module's contributed counts), grouped by group and
	 * year, whatever the number of groups and years. A group's figures count the records
	 * of {@link UnitHistory#unitsOf}, the province's those of every unit of its history
	 * (the groups' and its own): numerators are summed with numerators and denominators
	 * with denominators; nothing is averaged.
	 */
	RegisterCounts.Grouped countsByGroup(UnitId province, UnitHistory.View view, int fromYear, int toYear,
			Set<Count> wanted) {
		UnitHistory history = geography.history(province);
		Map<UnitId, UnitId> groupOf = new HashMap<>(history.groups(view));
		geography.unitsWithin(province).forEach(u -> groupOf.putIfAbsent(u, null));
		Long[] units = new Long[groupOf.size()];
		Long[] communeIds = new Long[groupOf.size()];
		int i = 0;
		for (Map.Entry<UnitId, UnitId> e : groupOf.entrySet()) {
			units[i] = e.getKey().value();
			communeIds[i] = e.getValue() == null ? null : e.getValue().value();
			i++;
		}
		Map<UnitId, Map<Integer, Map<Count, Long>>> values = new ConcurrentHashMap<>();
		runFamilies(wanted, fromYear, toYear,
				(sql, counts) -> count(sql, counts, province, units, communeIds, fromYear, toYear, values));
		Map<UnitId, Map<Integer, RegisterCounts.Figures>> figures = new HashMap<>();
		values.forEach(
				(unit, byYear) -> byYear.forEach((year, counts) -> figures.computeIfAbsent(unit, u -> new HashMap<>())
					.put(year, new RegisterCounts.Figures(unit, year, counts))));
		return new RegisterCounts.Grouped(province, fromYear, toYear, figures);
	}

	/**
	 * The families are independent queries: each runs on its own connection at the same
	 * time as the others (read-only, each with its own snapshot), so the dashboard waits
	 * for the slowest family. Contributed counts are one query per contributing module.
	 */
	private void runFamilies(Set<Count> wanted, int fromYear, int toYear, Counter count) {
		List<CompletableFuture<Void>> running = new ArrayList<>();
		for (CountFamily family : CountFamily.values()) {
			if (family != CountFamily.CONTRIBUTED && family.counts.stream().anyMatch(wanted::contains)) {
				String sql = family.sql(fromYear, toYear);
				running.add(CompletableFuture.runAsync(() -> count.count(sql, family.counts), executor));
			}
		}
		statements.contributors(wanted)
			.forEach((module, counts) -> running.add(
					CompletableFuture.runAsync(() -> count.count(module.grouped(fromYear, toYear), counts), executor)));
		try {
			CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** One grouped statement and the counts its columns give. */
	private interface Counter {

		void count(String sql, Set<Count> counts);

	}

	private void count(String sql, Set<Count> counts, UnitId province, Long[] units, Long[] communeIds, int fromYear,
			int toYear, Map<UnitId, Map<Integer, Map<Count, Long>>> values) {
		transactions.executeWithoutResult(
				status -> countInTransaction(sql, counts, province, units, communeIds, fromYear, toYear, values));
	}

	/**
	 * Without parallel workers: the families already run side by side, one per core;
	 * workers on top would only compete for the same cores.
	 */
	private void countInTransaction(String sql, Set<Count> counts, UnitId province, Long[] units, Long[] communeIds,
			int fromYear, int toYear, Map<UnitId, Map<Integer, Map<Count, Long>>> values) {
		jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
		jdbc.sql("""
				WITH units(unit_id, commune_id) AS (
				  SELECT * FROM unnest(CAST(:units AS bigint[]), CAST(:communes AS bigint[]))),
				years(year) AS (SELECT generate_series(CAST(:from AS int), CAST(:to AS int))),
				""" + sql)
			.param("units", units)
			.param("communes", communeIds)
			.param("from", fromYear)
			.param("to", toYear)
			.query(rs -> {
				UnitId unit;
				if (rs.getInt("total") == 1) {
					unit = province;
				}
				else {
					long commune = rs.getLong("commune_id");
					if (rs.wasNull()) {
						return;
					}
					unit = new UnitId(commune);
				}
				Map<Count, Long> found = values.computeIfAbsent(unit, u -> new ConcurrentHashMap<>())
					.computeIfAbsent(rs.getInt("year"),
							y -> java.util.Collections.synchronizedMap(new EnumMap<>(Count.class)));
				for (Count count : counts) {
					found.put(count, rs.getLong(count.name().toLowerCase()));
				}
			});
	}

}
