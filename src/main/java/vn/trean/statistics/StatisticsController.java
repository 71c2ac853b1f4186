package vn.trean.statistics;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.Page;
import vn.trean.shared.ShownAgainAt;
import vn.trean.statistics.StatisticsTables.Audience;

/**
 * The statistics pages: the form that chooses a table, a period and a unit; the table;
 * and, for those who may see the cases, the records behind a cell, each opening audited.
 * A refused period or unit shows the form again with its error.
 */
@Controller
class StatisticsController {

	private final OfficialTables tables;

	private final StatisticsUnits units;

	private final StatisticsAccess access;

	private final StatisticsPages pages;

	private final Authorization authorization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StatisticsController(OfficialTables tables, StatisticsUnits units, StatisticsAccess access, StatisticsPages pages,
			Authorization authorization, ApplicationEventPublisher events, Clock clock) {
		this.tables = tables;
		this.units = units;
		this.access = access;
		this.pages = pages;
		this.authorization = authorization;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/statistics")
	String index(CurrentUser me, Model model) {
		authorization.requireSomewhere(me, Action.VIEW_STATISTICS);
		LocalDate today = LocalDate.now(clock);
		StatisticsRequest shown = model.getAttribute("submitted") instanceof StatisticsRequest submitted ? submitted
				: StatisticsRequest.of(TableKind.ABUSED_CHILDREN, StatisticsPeriod.halfYearOf(today),
						pages.units(me).keySet().iterator().next());
		model.addAttribute("form", shown);
		model.addAttribute("tableKinds", TableKind.values());
		model.addAttribute("units", pages.units(me));
		return "statistics/index";
	}

	/** The form's answer: the table's own address, once period and unit are valid. */
	@GetMapping("/statistics/table")
	@ShownAgainAt("/statistics")
	String choose(CurrentUser me, @Valid StatisticsRequest request) {
		TableKind kind = TableKind.ofCode(request.table() == null ? "" : request.table())
			.orElseThrow(() -> new InvalidStatisticsRequest("table", "statistics.table.unknown"));
		StatisticsPeriod period = StatisticsPeriod.parse(request.periodCode(), LocalDate.now(clock));
		StatisticsUnit unit = units.resolve(request.unit(), period);
		access.audienceOf(me, unit);
		return "redirect:" + address("/statistics/tables/{table}", period, unit, kind.code());
	}

	@GetMapping("/statistics/tables/{table}")
	@ShownAgainAt("/statistics")
	String table(Actor actor, @PathVariable("table") String code, @Valid StatisticsRequest request, Model model) {
		Asked asked = asked(actor, code, request);
		StatisticsTable table = tables.table(asked.kind, asked.period, asked.unit, asked.audience);
		model.addAttribute("table", pages.view(table, actor.locale()));
		model.addAttribute("export", "/statistics/exports?table=" + asked.kind.code() + "&period=" + asked.period.code()
				+ "&unit=" + asked.unit.code());
		if (asked.kind == TableKind.SPECIAL_CIRCUMSTANCES) {
			ChildPopulation population = tables.childPopulation(asked.period, asked.unit);
			model.addAttribute("populationKnown", population.known());
			model.addAttribute("populationYear", Integer.toString(population.year()));
			model.addAttribute("populationChildren", String.valueOf(population.children()));
			model.addAttribute("populationUnit", asked.unit.name());
			model.addAttribute("partsMissing", population.partsMissing(asked.unit.id()));
			model.addAttribute("missingCount", Integer.toString(population.missing().size()));
			model.addAttribute("populationEntry", population.known() ? null
					: tables.populationEntry(actor.signedIn(), asked.unit, population).orElse(null));
		}
		return "statistics/table";
	}

	/**
	 * The records behind a cell, for case workers; anyone else's opening is refused, and
	 * both are audited.
	 */
	@GetMapping("/statistics/tables/{table}/cells/{row}/{column}")
	@ShownAgainAt("/statistics")
	String cell(Actor actor, @PathVariable("table") String code, @PathVariable String row, @PathVariable String column,
			@Valid StatisticsRequest request, @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Asked asked = asked(actor, code, request);
		if (!tables.hasCell(asked.kind, row, column)) {
			throw new UnknownStatisticsTable(code + "/" + row + "/" + column);
		}
		boolean opened = asked.audience == Audience.CASE_WORKERS;
		String detail = "table=" + asked.kind.code() + " row=" + row + " column=" + column + " period="
				+ asked.period.code() + " unit=" + asked.unit.code();
		events.publishEvent(new StatisticsCellEvent(actor.name(), opened, asked.kind.code(), detail,
				actor.clientAddress(), clock.instant()));
		if (!opened) {
			throw new AccessRefused(Action.VIEW_CASES, "statistics.cell.refused");
		}
		Page<CellRecord> records = tables.records(asked.kind, row, column, asked.period, asked.unit, page);
		model.addAttribute("title", pages.title(asked.kind, asked.period, asked.unit, actor.locale()));
		model.addAttribute("rowLabel", tables.rowLabel(asked.kind, row));
		model.addAttribute("columnLabel", tables.columnLabel(asked.kind, column));
		model.addAttribute("records", records);
		model.addAttribute("lines", pages.lines(records.items()));
		model.addAttribute("here", address("/statistics/tables/{table}/cells/{row}/{column}", asked.period, asked.unit,
				asked.kind.code(), row, column));
		model.addAttribute("back", address("/statistics/tables/{table}", asked.period, asked.unit, asked.kind.code()));
		return "statistics/cell";
	}

	/** What a table's address asks for, and who asks: refused before anything is read. */
	private record Asked(TableKind kind, StatisticsPeriod period, StatisticsUnit unit, Audience audience) {
	}

	private Asked asked(Actor actor, String code, StatisticsRequest request) {
		TableKind kind = kind(code);
		StatisticsPeriod period = StatisticsPeriod.parse(request.periodCode(), LocalDate.now(clock));
		StatisticsUnit unit = units.resolve(request.unit(), period);
		return new Asked(kind, period, unit, access.audienceOf(actor.signedIn(), unit));
	}

	private static String address(String template, StatisticsPeriod period, StatisticsUnit unit, Object... variables) {
		return UriComponentsBuilder.fromPath(template)
			.queryParam("period", period.code())
			.queryParam("unit", unit.code())
			.buildAndExpand(variables)
			.encode()
			.toUriString();
	}

	private static TableKind kind(String code) {
		return TableKind.ofCode(code).orElseThrow(() -> new UnknownStatisticsTable(code));
	}

}
