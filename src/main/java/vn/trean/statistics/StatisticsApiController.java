package vn.trean.statistics;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.trean.geography.Geography;
import vn.trean.identity.Actor;
import vn.trean.identity.AgencyLookup;
import vn.trean.identity.ApiClient;
import vn.trean.shared.ApiProblems;
import vn.trean.shared.Time;

/**
 * {@code GET /api/v1/statistics/{table}}: a statistics table for other systems, for API
 * tokens holding the STATISTICS permission (checked by the API filter chain) and only for
 * units within the token's agency's unit. Always the figures-only view: small numbers
 * suppressed as for a statistician, no trace to the records.
 */
@RestController
@Tag(name = "Statistics")
@ApiResponse(responseCode = "400",
		description = "Unknown table (api.statistics.table.unknown), or an invalid period or unit "
				+ "(api.statistics.invalid, naming the field)",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403",
		description = "The token lacks the STATISTICS permission, or the unit lies outside its agency's unit",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
class StatisticsApiController {

	private final StatisticsTables tables;

	private final StatisticsUnits units;

	private final AgencyLookup agencies;

	private final Geography geography;

	private final ApiProblems problems;

	private final MessageSource messages;

	private final Clock clock;

	StatisticsApiController(StatisticsTables tables, StatisticsUnits units, AgencyLookup agencies, Geography geography,
			ApiProblems problems, MessageSource messages, Clock clock) {
		this.tables = tables;
		this.units = units;
		this.agencies = agencies;
		this.geography = geography;
		this.problems = problems;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(path = "/api/v1/statistics/{table}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One official statistics table for a period and a unit",
			description = "Tables: 0101 (abused children), cases, special-circumstances, intake, kpis. Small "
					+ "numbers (1 to 4) and the figures they could be worked out from are suppressed: value null, "
					+ "suppressed true. Labels follow Accept-Language (Vietnamese or English).")
	@ApiResponse(responseCode = "200", description = "The table",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatisticsJson.class)))
	ResponseEntity<?> table(@Parameter(hidden = true) Actor actor,
			@Parameter(description = "The table's code") @PathVariable String table,
			@Parameter(description = "2025-H1, 2025 or 2025-01-01..2025-03-31") @RequestParam(
					required = false) String period,
			@Parameter(description = "The unit's code (commune, province, or an old district before "
					+ "July 2025)") @RequestParam(required = false) String unit) {
		TableKind kind = TableKind.ofCode(table).orElse(null);
		if (kind == null) {
			return problems.problem(HttpStatus.BAD_REQUEST, "api.statistics.table.unknown", actor.locale(), null);
		}
		StatisticsPeriod p = StatisticsPeriod.parse(period, LocalDate.now(clock.withZone(Time.ZONE)));
		StatisticsUnit u = units.resolve(unit, p);
		if (!withinJurisdiction(actor.client(), u)) {
			return problems.problem(HttpStatus.FORBIDDEN, "api.statistics.outside", actor.locale(), null);
		}
		StatisticsTable computed = tables.table(kind, p, u, StatisticsTables.Audience.FIGURES_ONLY);
		return ResponseEntity.ok(StatisticsJson.of(computed, new TableText(messages, actor.locale())));
	}

	/** The unit is the token's agency's unit or lies below it. */
	private boolean withinJurisdiction(ApiClient client, StatisticsUnit unit) {
		return client != null && agencies.find(client.agency())
			.map(a -> a.unit().equals(unit.id()) || geography.contains(a.unit(), unit.id()))
			.orElse(false);
	}

	/** An invalid period or unit: 400 naming the field. */
	@ExceptionHandler(InvalidStatisticsRequest.class)
	ResponseEntity<ProblemDetail> invalid(InvalidStatisticsRequest ex, HttpServletRequest request) {
		return problems.problem(HttpStatus.BAD_REQUEST, "api.statistics.invalid", ApiProblems.localeOf(request),
				ex.errors().asMap());
	}

}
