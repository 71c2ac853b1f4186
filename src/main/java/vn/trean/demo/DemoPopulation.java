package vn.trean.demo;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.plans.DemoReferenceFigures;

/**
 * The demo's child population, so the statistics' rate per 100 children has a denominator
 * on first sight: the city, Cái Khế and Ninh Kiều in each of the last {@value #YEARS}
 * years that a plan of the city covers, entered by the demo manager as a plan
 * administrator does. The figures are made up, growing a little each year.
 */
@Component
@Profile("demo")
class DemoPopulation {

	/** How many years back from this one the demo enters figures for. */
	static final int YEARS = 3;

	private final DemoReferenceFigures figures;

	DemoPopulation(DemoReferenceFigures figures) {
		this.figures = figures;
	}

	/** Enters the figures; answers how many were entered. */
	int load(CurrentUser managerUser, Map<UnitId, Long> thisYear, LocalDate today) {
		Actor manager = Actor.of(managerUser, "127.0.0.1");
		int entered = 0;
		for (int back = YEARS - 1; back >= 0; back--) {
			int year = today.getYear() - back;
			for (Map.Entry<UnitId, Long> unit : thisYear.entrySet()) {
				long children = unit.getValue() - unit.getValue() * back / 100;
				entered += figures.childPopulation(manager, unit.getKey(), year, children) ? 1 : 0;
			}
		}
		return entered;
	}

}
