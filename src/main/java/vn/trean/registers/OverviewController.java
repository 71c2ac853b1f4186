package vn.trean.registers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trean.identity.Actor;

/** The overview of counts for the user's area, and the trace of each count. */
@Controller
class OverviewController {

	private final RegisterOverview overview;

	OverviewController(RegisterOverview overview) {
		this.overview = overview;
	}

	@GetMapping("/registers")
	String overview(Actor actor, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String year, Model model) {
		model.addAttribute("view", overview.overview(actor, unit, year));
		return "registers/overview";
	}

	@GetMapping("/registers/trace")
	String trace(Actor actor, @RequestParam(required = false) String unit, @RequestParam(required = false) String year,
			@RequestParam String count, Model model) {
		model.addAttribute("view", overview.trace(actor, unit, year, count));
		return "registers/trace";
	}

}
