package vn.trean.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.trean.directory.Directory;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.AgencyLookup.AgencySummary;
import vn.trean.shared.FormErrors;

/**
 * The agencies a support plan may make responsible for a measure: those of the directory
 * in the case's province (its commune's and the province's own), as the committee hands
 * measures to the social work centre, the health station, the police or the school around
 * the child.
 */
@Component
class PlanAgencies {

	private final Directory directory;

	private final Geography geography;

	PlanAgencies(Directory directory, Geography geography) {
		this.directory = directory;
		this.geography = geography;
	}

	/** The agencies to choose from for a case in {@code unit}. */
	List<AgencySummary> around(UnitId unit) {
		return directory.locatedIn(geography.unitsWithin(geography.provinceOf(unit)));
	}

	/**
	 * The plan with each chosen agency's name, or refused (nothing saved) when a chosen
	 * agency is not in the directory around the case.
	 */
	SupportPlan named(SupportPlan plan, UnitId unit) {
		UnitId province = geography.provinceOf(unit);
		FormErrors errors = new FormErrors();
		List<SupportPlan.PlannedMeasure> named = new ArrayList<>();
		for (int i = 0; i < plan.measures().size(); i++) {
			SupportPlan.PlannedMeasure m = plan.measures().get(i);
			if (m.agency() == null) {
				named.add(m.namingAgency(null));
				continue;
			}
			Optional<AgencySummary> agency = directory.find(m.agency())
				.filter(a -> geography.contains(province, a.unit()));
			if (agency.isEmpty()) {
				errors.reject("measures[" + i + "].agency", "case.plan.agency-unknown");
			}
			named.add(m.namingAgency(agency.map(AgencySummary::name).orElse(null)));
		}
		InvalidCaseInput.check(errors);
		return plan.withMeasures(named);
	}

}
