package vn.trean.geography;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Browsing the administrative units: the current hierarchy, search by name with or
 * without diacritics, and a unit's history. Reference data, open to every signed-in user.
 */
@Controller
class GeographyController {

	private static final int SEARCH_LIMIT = 50;

	private final Geography geography;

	GeographyController(Geography geography) {
		this.geography = geography;
	}

	@GetMapping("/geography")
	String provinces(Model model) {
		model.addAttribute("provinces", geography.provinces(geography.today()));
		return "geography/index";
	}

	@GetMapping("/geography/units/{id}")
	String unit(@PathVariable UnitId id, Model model) {
		AdministrativeUnit unit = geography.find(id).orElseThrow(() -> new UnknownUnit(id.toString()));
		LocalDate asOf = unit.validOn(geography.today()) ? geography.today() : unit.validTo();
		model.addAttribute("unit", unit);
		model.addAttribute("ancestors", geography.ancestors(unit.id()));
		model.addAttribute("children", geography.unitsUnder(unit.id(), asOf));
		model.addAttribute("asOf", asOf);
		model.addAttribute("successors", geography.successorsOf(unit.id()));
		model.addAttribute("predecessors", geography.predecessorsOf(unit.id()));
		model.addAttribute("sameCode",
				geography.unitsEverCoded(unit.code()).stream().filter(u -> !u.id().equals(unit.id())).toList());
		if (!unit.current()) {
			model.addAttribute("currentUnits", geography.currentUnitsFor(unit.id()));
		}
		return "geography/unit";
	}

	/**
	 * The search form: a name (cut to 100 characters) and whether to search the units of
	 * today ({@code current}, also for anything else) or of every period ({@code all}).
	 */
	record UnitSearch(String q, String period) {

		String query() {
			return q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
		}

		boolean all() {
			return "all".equals(period);
		}

	}

	@GetMapping("/geography/search")
	String search(UnitSearch search, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String query = search.query();
		boolean all = search.all();
		List<AdministrativeUnit> results = geography.search(query, all ? null : geography.today(), SEARCH_LIMIT);
		model.addAttribute("q", query);
		model.addAttribute("period", all ? "all" : "current");
		model.addAttribute("results", results);
		model.addAttribute("searched", !query.isBlank());
		return htmx != null ? "geography/partials/search-results" : "geography/search";
	}

}
