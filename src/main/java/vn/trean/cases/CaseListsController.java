package vn.trean.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.intake.Urgency;
import vn.trean.shared.Page;
import vn.trean.shared.Time;
import vn.trean.shared.Verdict;

/**
 * The case lists: my cases (with my unread alerts), the cases of my jurisdiction and the
 * legal steps overdue there, each searched and narrowed by the address's parameters
 * ({@link CaseListFilter}), which the paging links keep. A parameter that names nothing
 * answers 400 with its error and no list.
 */
@Controller
class CaseListsController {

	private final CaseLists lists;

	private final CaseAlerts alerts;

	private final Authorization authorization;

	private final Geography geography;

	private final Clock clock;

	private final ReferralsOnCase referrals;

	CaseListsController(CaseLists lists, CaseAlerts alerts, Authorization authorization, Geography geography,
			Clock clock, ReferralsOnCase referrals) {
		this.referrals = referrals;
		this.lists = lists;
		this.alerts = alerts;
		this.authorization = authorization;
		this.geography = geography;
		this.clock = clock;
	}

	@GetMapping("/cases")
	String mine(Actor actor, CaseListFilter.Params params, Model model, HttpServletResponse response) {
		CurrentUser me = actor.signedIn();
		model.addAttribute("alerts", alerts.unread(me));
		return list(actor, params, Map.of(me.id(), me.displayName()), lists::myCases, "mine", model, response);
	}

	@GetMapping("/cases/all")
	String all(Actor actor, CaseListFilter.Params params, Model model, HttpServletResponse response) {
		return list(actor, params, lists.officers(actor.signedIn()), lists::inJurisdiction, "all", model, response);
	}

	@GetMapping("/cases/overdue")
	String overdue(Actor actor, CaseListFilter.Params params, Model model, HttpServletResponse response) {
		model.addAttribute("overdueReferrals", referrals.overdue(actor.signedIn()));
		return list(actor, params, lists.officers(actor.signedIn()), lists::overdue, "overdue", model, response);
	}

	/**
	 * The three lists share their filters: {@code kind} names the page's texts, its
	 * address and, for the overdue steps, its own template.
	 */
	private <T> String list(Actor actor, CaseListFilter.Params params, Map<Long, String> officers,
			BiFunction<Actor, CaseListFilter, Page<T>> find, String kind, Model model, HttpServletResponse response) {
		CurrentUser me = actor.signedIn();
		String path = switch (kind) {
			case "mine" -> "/cases";
			case "all" -> "/cases/all";
			default -> "/cases/" + kind;
		};
		List<AdministrativeUnit> communes = lists.communes(me);
		Verdict<CaseListFilter> filter = CaseListFilter.read(params, officers.keySet(),
				communes.stream().map(AdministrativeUnit::id).toList());
		if (filter.allowed()) {
			Page<T> page = find.apply(actor, filter.value());
			model.addAttribute("page", page);
			model.addAttribute("previousLink", filter.value().onPage(page.number() - 1).link(path));
			model.addAttribute("nextLink", filter.value().onPage(page.number() + 1).link(path));
		}
		else {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errors", filter.errors());
			model.addAttribute("page", new Page<T>(List.of(), 0, CaseManagement.PAGE_SIZE, false));
		}
		model.addAttribute("params", params);
		model.addAttribute("communes", AdministrativeUnit.fullNames(communes));
		model.addAttribute("officerNames", officers);
		model.addAttribute("states", ProtectionCase.Status.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("steps", DeadlineStep.values());
		model.addAttribute("sorts", CaseListFilter.Sort.values());
		model.addAttribute("phoneSearch", authorization.permitsSomewhere(me, Action.VIEW_REPORTER_IDENTITY));
		model.addAttribute("kind", kind);
		model.addAttribute("listPath", path);
		common(me, model);
		return kind.equals("overdue") ? "cases/overdue" : "cases/list";
	}

	private void common(CurrentUser me, Model model) {
		model.addAttribute("unitNames", geography.currentNamesAround(me.jurisdiction()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("today", LocalDate.now(clock.withZone(Time.ZONE)));
	}

}
