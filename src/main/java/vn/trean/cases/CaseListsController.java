package vn.trean.cases;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trean.geography.Geography;
import vn.trean.identity.Actor;
import vn.trean.shared.Page;

/**
 * The case lists: my cases by next deadline (with my unread alerts), open in my
 * jurisdiction, and the legal steps overdue, a page at a time.
 */
@Controller
class CaseListsController {

	private final CaseLists lists;

	private final CaseAlerts alerts;

	private final Geography geography;

	private final Clock clock;

	CaseListsController(CaseLists lists, CaseAlerts alerts, Geography geography, Clock clock) {
		this.lists = lists;
		this.alerts = alerts;
		this.geography = geography;
		this.clock = clock;
	}

	@GetMapping("/cases")
	String mine(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("alerts", alerts.unread(actor.signedIn()));
		model.addAttribute("kind", "mine");
		return list(actor, model, lists.myCases(actor, page), "/cases", "cases/list");
	}

	@GetMapping("/cases/all")
	String all(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("kind", "all");
		return list(actor, model, lists.inJurisdiction(actor, page), "/cases/all", "cases/list");
	}

	@GetMapping("/cases/overdue")
	String overdue(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
		return list(actor, model, lists.overdue(actor, page), "/cases/overdue", "cases/overdue");
	}

	private String list(Actor actor, Model model, Page<?> page, String path, String template) {
		model.addAttribute("page", page);
		model.addAttribute("pagePath", path);
		model.addAttribute("unitNames", geography.currentNamesAround(actor.signedIn().jurisdiction()));
		model.addAttribute("now", clock.instant());
		return template;
	}

}
