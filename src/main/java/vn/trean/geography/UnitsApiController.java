package vn.trean.geography;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.trean.shared.ApiProblems;

/**
 * Administrative units over the REST API (token permission GEOGRAPHY_READ); a malformed
 * code (400) and a unit that does not exist (404) are translated problems like every
 * other API refusal.
 */
@RestController
@Tag(name = "Administrative units")
class UnitsApiController {

	private final Geography geography;

	private final ApiProblems problems;

	UnitsApiController(Geography geography, ApiProblems problems) {
		this.geography = geography;
		this.problems = problems;
	}

	/** A unit as the API shows it. */
	record UnitDto(long id, String code, String level, String type, String name, String fullName, Long parentId,
			LocalDate validFrom, LocalDate validTo) {

		static UnitDto of(AdministrativeUnit u) {
			return new UnitDto(u.id().value(), u.code(), u.level().name(), u.unitType(), u.name(), u.fullName(),
					u.parentId() == null ? null : u.parentId().value(), u.validFrom(), u.validTo());
		}

	}

	/** Where an old unit went. */
	record SuccessorDto(UnitDto unit, String kind) {
	}

	/** The successors of an old unit; {@code needsReview} is true when it was split. */
	record SuccessorsDto(UnitDto unit, List<SuccessorDto> successors, boolean needsReview, List<UnitDto> currentUnits,
			boolean currentNeedsReview) {
	}

	@GetMapping("/api/v1/units/by-code/{code}")
	@Operation(summary = "The unit a code names on a date (default today)")
	UnitDto byCode(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		if (!code.matches("\\d{2,5}")) {
			throw new MalformedUnitCode();
		}
		return geography.unitByCode(code, date == null ? geography.today() : date)
			.map(UnitDto::of)
			.orElseThrow(() -> new UnknownUnit(code + " on " + date));
	}

	@GetMapping("/api/v1/units/{id}/children")
	@Operation(summary = "The units directly under a unit on a date (default today)")
	List<UnitDto> children(@PathVariable UnitId id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		unit(id);
		return geography.unitsUnder(id, date == null ? geography.today() : date).stream().map(UnitDto::of).toList();
	}

	@GetMapping("/api/v1/units/{id}/successors")
	@Operation(summary = "What an old unit became; a split is flagged for review, never guessed")
	SuccessorsDto successors(@PathVariable UnitId id) {
		AdministrativeUnit unit = unit(id);
		Successors successors = geography.successorsOf(unit.id());
		CurrentUnits current = geography.currentUnitsFor(unit.id());
		return new SuccessorsDto(UnitDto.of(unit),
				successors.successions()
					.stream()
					.map(s -> new SuccessorDto(UnitDto.of(s.successor()), s.kind().name()))
					.toList(),
				successors.needsReview(), current.units().stream().map(UnitDto::of).toList(), current.needsReview());
	}

	private AdministrativeUnit unit(UnitId id) {
		return geography.find(id).orElseThrow(() -> new UnknownUnit(id.toString()));
	}

	@ExceptionHandler(MalformedUnitCode.class)
	ResponseEntity<ProblemDetail> malformed(HttpServletRequest request) {
		return problems.problem(HttpStatus.BAD_REQUEST, "api.body.invalid-value", ApiProblems.localeOf(request),
				Map.of("code", "api.unit.code"));
	}

	/** A unit code that is not two to five digits. */
	private static final class MalformedUnitCode extends RuntimeException {

		MalformedUnitCode() {
			super("A unit code is 2 to 5 digits");
		}

	}

}
