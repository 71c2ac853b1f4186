package vn.trean.intake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

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
import vn.trean.identity.ResourceScope;
import vn.trean.shared.Page;
import vn.trean.shared.Verdict;

/**
 * The lists of reports: the inbox of the units a viewer may read children's records of,
 * and the list of what a recorder recorded. Both search and narrow by the address's
 * parameters ({@link ReportListFilter}), which the paging links and the refresh keep; a
 * parameter that names nothing answers 400 with its error and no list.
 */
@Controller
class ReportListController {

	private final ReportLists lists;

	private final Intake intake;

	private final Authorization authorization;

	private final Geography geography;

	private final Clock clock;

	ReportListController(ReportLists lists, Intake intake, Authorization authorization, Geography geography,
			Clock clock) {
		this.lists = lists;
		this.intake = intake;
		this.authorization = authorization;
		this.geography = geography;
		this.clock = clock;
	}

	@GetMapping("/intake/inbox")
	String inbox(Actor actor, ReportListFilter.Params params, Model model, HttpServletResponse response) {
		CurrentUser me = actor.signedIn();
		authorization.requireSomewhere(me, Action.VIEW_CHILD_RECORDS);
		model.addAttribute("unread", intake.unread(me));
		return list(actor, params, ReportListFilter.none(ReportListFilter.Sort.ATTENTION, false), lists::inbox, "inbox",
				model, response);
	}

	@GetMapping("/intake/recorded")
	String recorded(Actor actor, ReportListFilter.Params params, Model model, HttpServletResponse response) {
		CurrentUser me = actor.signedIn();
		authorization.require(me, Action.RECORD_REPORT, ResourceScope.at(me.jurisdiction()));
		model.addAttribute("unread", Set.<UUID>of());
		return list(actor, params, ReportListFilter.none(ReportListFilter.Sort.RECEIVED, false), lists::recorded,
				"recorded", model, response);
	}

	/** The inbox and the recorder's list share one page: the keys name its texts. */
	private String list(Actor actor, ReportListFilter.Params params, ReportListFilter defaults,
			BiFunction<Actor, ReportListFilter, Page<ListedReport>> find, String kind, Model model,
			HttpServletResponse response) {
		CurrentUser me = actor.signedIn();
		String path = "/intake/" + kind;
		ReportListFilter.Offered offered = lists.offered(me);
		Verdict<ReportListFilter> filter = ReportListFilter.read(params, offered, defaults);
		if (filter.allowed()) {
			Page<ListedReport> page = find.apply(actor, filter.value());
			model.addAttribute("page", page);
			model.addAttribute("progress", lists.progress(me, page));
			model.addAttribute("selfLink", link(path, filter.value()));
			model.addAttribute("previousLink", link(path, filter.value().onPage(page.number() - 1)));
			model.addAttribute("nextLink", link(path, filter.value().onPage(page.number() + 1)));
		}
		else {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errors", filter.errors());
			model.addAttribute("page", new Page<ListedReport>(List.of(), 0, ReportLists.PAGE_SIZE, false));
			model.addAttribute("progress", Map.of());
			model.addAttribute("selfLink", path);
		}
		model.addAttribute("params", params);
		model.addAttribute("kind", kind);
		model.addAttribute("listPath", path);
		return choices(me, offered, model);
	}

	/** What the filter form offers, and what the rows are read with. */
	private String choices(CurrentUser me, ReportListFilter.Offered offered, Model model) {
		model.addAttribute("communes", AdministrativeUnit.fullNames(offered.communes()));
		model.addAttribute("steps", offered.steps());
		model.addAttribute("officerNames", offered.officers());
		model.addAttribute("statuses", ReportStatus.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("sorts", ReportListFilter.Sort.values());
		model.addAttribute("phoneSearch", authorization.permitsSomewhere(me, Action.VIEW_REPORTER_IDENTITY));
		model.addAttribute("unitNames", geography.currentNamesAround(me.jurisdiction()));
		model.addAttribute("now", clock.instant());
		return "intake/reports-list";
	}

	/** The list's address with the filter in it, parameters left out when not set. */
	static String link(String path, ReportListFilter f) {
		StringJoiner query = new StringJoiner("&", path + "?", "");
		query(query, "q", f.q());
		query(query, "status", f.status());
		query(query, "urgency", f.urgency());
		query(query, "channel", f.channel());
		query(query, "commune", f.commune() == null ? null : f.commune().value());
		query(query, "step", f.step());
		query(query, "officer", f.officer());
		query(query, "from", f.from());
		query(query, "to", f.to());
		query(query, "sort", f.sortParam());
		query(query, "dir", f.dirParam());
		query(query, "page", f.page() > 0 ? f.page() : null);
		return query.toString();
	}

	private static void query(StringJoiner query, String name, @Nullable Object value) {
		if (value != null) {
			query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
		}
	}

}
