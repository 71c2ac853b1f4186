package vn.trean.statistics;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseStatisticsFacts;
import vn.trean.children.SpecialCircumstances;
import vn.trean.intake.ReportStatisticsFacts;
import vn.trean.referrals.ReferralStatisticsFacts;

/**
 * Recomputes the whole read model from the source records, through the same derivation
 * the listeners use, a batch of records per transaction (the figures stay readable
 * meanwhile). Run on start with {@code --trean.statistics.rebuild=true}, after a change
 * to a derivation or a restore.
 */
@Component
class StatisticsRebuild implements ApplicationRunner {

	/** How many records one transaction re-derives. */
	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(StatisticsRebuild.class);

	private final StatisticsReadModel model;

	private final CaseStatisticsFacts cases;

	private final ReportStatisticsFacts reports;

	private final ReferralStatisticsFacts referrals;

	private final SpecialCircumstances children;

	private final boolean onStart;

	StatisticsRebuild(StatisticsReadModel model, CaseStatisticsFacts cases, ReportStatisticsFacts reports,
			ReferralStatisticsFacts referrals, SpecialCircumstances children,
			@org.springframework.beans.factory.annotation.Value("${trean.statistics.rebuild:false}") boolean onStart) {
		this.model = model;
		this.cases = cases;
		this.reports = reports;
		this.referrals = referrals;
		this.children = children;
		this.onStart = onStart;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (onStart) {
			rebuild();
		}
	}

	/** Re-derives every record's rows; the numbers of records re-derived. */
	Counts rebuild() {
		long started = System.nanoTime();
		Counts counts = new Counts(all(reports::after, model::reports), all(cases::after, model::cases),
				all(referrals::after, model::referrals), all(children::childrenWithEntries, model::children));
		log.info("Statistics rebuilt from {} reports, {} cases, {} referrals and {} children's records in {} ms",
				counts.reports(), counts.cases(), counts.referrals(), counts.children(),
				(System.nanoTime() - started) / 1_000_000);
		return counts;
	}

	/** How many records of each kind a rebuild re-derived. */
	record Counts(long reports, long cases, long referrals, long children) {
	}

	private static <I> long all(BiFunction<@Nullable I, Integer, List<I>> page, Consumer<List<I>> derive) {
		long count = 0;
		for (List<I> batch = page.apply(null, BATCH); !batch.isEmpty(); batch = page.apply(batch.get(batch.size() - 1),
				BATCH)) {
			derive.accept(batch);
			count += batch.size();
		}
		return count;
	}

}
