package vn.trean.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;

/**
 * Loads Plan 55/KH-UBND of Cần Thơ from {@code plans/55-KH-UBND-can-tho.json} on start,
 * once: when a plan of that number exists in the province nothing is touched, so the plan
 * administrator's later edits are never overwritten. Runs after the administrative units
 * are imported (the plan's province is a unit id, which exists only then).
 */
@Component
@Order(12)
class PlanSeed implements ApplicationRunner {

	static final String RESOURCE = "plans/55-KH-UBND-can-tho.json";

	private static final Logger log = LoggerFactory.getLogger(PlanSeed.class);

	private final PlanRepository plans;

	private final PlanActivityRepository activities;

	private final Geography geography;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	PlanSeed(PlanRepository plans, PlanActivityRepository activities, Geography geography,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
		this.plans = plans;
		this.activities = activities;
		this.geography = geography;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** The plan as the seed file states it. */
	record SeedPlan(String number, String provinceCode, String title, String issuer, String issuedOn, int startYear,
			int endYear, Plan.Status status, List<String> objectives, List<SeedIndicator> indicators,
			List<SeedActivity> activities) {
	}

	/**
	 * An indicator of the seed; {@code cityTarget2025} only where the plan text gives it.
	 */
	record SeedIndicator(int objective, String code, String name, Indicator.Measure unitOfMeasure, boolean coverage,
			String definition, String numerator, String denominator, DenominatorKind denominatorKind,
			Indicator.Source sourceKind, List<Indicator.Disaggregation> disaggregations, Indicator.Direction direction,
			java.math.BigDecimal cityTarget2025) {
	}

	record SeedActivity(String section, String title, String description) {
	}

	@Override
	public void run(ApplicationArguments args) {
		SeedPlan seed = read();
		AdministrativeUnit province = geography.unitByCode(seed.provinceCode(), geography.today()).orElse(null);
		if (province == null) {
			log.warn("Plan {} not loaded: no province with code {}", seed.number(), seed.provinceCode());
			return;
		}
		try {
			transaction.executeWithoutResult(status -> {
				if (plans.find(province.id(), seed.number()).isEmpty()) {
					long id = load(seed, province);
					log.info("Loaded plan {} of {}", seed.number(), province.fullName());
					events.publishEvent(new PlanChanged("system", "PLAN_SEEDED", id, "plan=" + seed.number(), null,
							clock.instant()));
				}
			});
		}
		catch (DuplicateKeyException ex) {
			// another instance starting at the same time loaded it first
			log.info("Plan {} was loaded by another instance", seed.number());
		}
	}

	private long load(SeedPlan seed, AdministrativeUnit province) {
		long planId = plans.insert(
				new Plan(0, province.id(), seed.number(), text(seed.title()), text(seed.issuer()),
						LocalDate.parse(seed.issuedOn()), seed.startYear(), seed.endYear(), seed.status()),
				clock.instant());
		Map<Integer, Long> objectives = new HashMap<>();
		for (int i = 0; i < seed.objectives().size(); i++) {
			objectives.put(i + 1, plans.insertObjective(planId, i + 1, text(seed.objectives().get(i))));
		}
		int ordinal = 0;
		for (SeedIndicator s : seed.indicators()) {
			plans.insert(planId, ++ordinal,
					new Indicator(0, objectives.get(s.objective()), s.code(), text(s.name()), s.unitOfMeasure(),
							text(s.definition()), text(s.numerator()), text(s.denominator()), s.denominatorKind(),
							s.disaggregations(), s.direction(), null, s.sourceKind(), s.coverage()));
			if (s.cityTarget2025() != null) {
				long indicatorId = plans.indicator(planId, s.code()).orElseThrow().id();
				plans.saveTarget(
						new Target(indicatorId, 2025, province.id(), s.cityTarget2025(), "system", clock.instant()));
			}
		}
		ordinal = 0;
		for (SeedActivity a : seed.activities()) {
			activities.insert(planId, ++ordinal, a.section(), text(a.title()), text(a.description()));
		}
		return planId;
	}

	private static SeedPlan read() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return JsonMapper.builder().build().readValue(in, SeedPlan.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** NFC, as every stored text; line breaks between the sub-points are kept. */
	private static String text(String text) {
		return text == null ? null : java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
	}

}
