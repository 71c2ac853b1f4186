package vn.trean.plans;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import vn.trean.geography.UnitId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a table of targets with the rules of the single-target form, without Spring.
 */
class ImportSheetTests {

	private static final Plan PLAN = new Plan(1, new UnitId(92), "55/KH-UBND", "Kế hoạch", "UBND", null, 2020, 2025,
			Plan.Status.ACTIVE);

	private static final Indicator COVERAGE = indicator(1, "1.1", Indicator.Measure.PERCENT, true);

	private static final Indicator COUNT = indicator(2, "5.2", Indicator.Measure.COUNT, false);

	private static final UnitId CITY = new UnitId(920);

	private static final UnitId CAI_KHE = new UnitId(921);

	/** 92 and 31120 in the province, 00004 in another one, anything else unknown. */
	private static final Function<String, Optional<ImportSheet.Place>> PLACES = code -> switch (code) {
		case "92" -> Optional.of(new ImportSheet.Place(CITY, true));
		case "31120" -> Optional.of(new ImportSheet.Place(CAI_KHE, true));
		case "00004" -> Optional.of(new ImportSheet.Place(new UnitId(4), false));
		default -> Optional.empty();
	};

	@Test
	void readsEveryFilledCellAndLeavesBlankCellsOut() {
		ImportSheet.Sheet<Indicator> sheet = read("""
				unit_code,unit_name,year,1.1,5.2
				92,Thành phố Cần Thơ,2025,"95,5",
				31120,Phường Cái Khế,2024,100,12
				""");

		assertThat(sheet.rows()).isEqualTo(2);
		assertThat(sheet.blankCells()).isEqualTo(1);
		assertThat(sheet.figures()).hasSize(3);
		assertThat(sheet.figures().get(0)).satisfies(f -> {
			assertThat(f.column()).isEqualTo(COVERAGE);
			assertThat(f.unit()).isEqualTo(CITY);
			assertThat(f.year()).isEqualTo(2025);
			assertThat(f.value()).isEqualByComparingTo("95.5");
		});
		assertThat(sheet.figures().get(2).value()).isEqualByComparingTo("12");
	}

	@Test
	void acceptsAHeaderWithOnlySomeIndicatorsInAnyOrderAndTrailingEmptyHeadings() {
		ImportSheet.Sheet<Indicator> sheet = read("UNIT_CODE,unit_name,year,5.2,,\n92,x,2025,3,,\n");

		assertThat(sheet.figures()).singleElement().satisfies(f -> assertThat(f.column()).isEqualTo(COUNT));
	}

	@Test
	void refusesAHeaderThatDoesNotStartWithTheFixedColumns() {
		assertThat(problems("code,name,year,1.1\n92,x,2025,1\n")).singleElement().satisfies(p -> {
			assertThat(p.key()).isEqualTo("plans.import.header.mismatch");
			assertThat(p.line()).isEqualTo(1);
			assertThat(p.argument()).isEqualTo("unit_code,unit_name,year,1.1,5.2");
		});
	}

	@Test
	void refusesAnIndicatorColumnThePlanDoesNotHaveAndARepeatedOne() {
		assertThat(problems("unit_code,unit_name,year,1.1,9.9,1.1\n92,x,2025,1,2,3\n"))
			.extracting(ImportProblem::column, ImportProblem::heading, ImportProblem::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(5, "9.9", "plans.import.header.unknown-indicator"),
					org.assertj.core.groups.Tuple.tuple(6, "1.1", "plans.import.header.duplicate"));
	}

	@Test
	void listsEveryBadCellWithItsLineAndColumn() {
		List<ImportProblem> problems = problems("""
				unit_code,unit_name,year,1.1,5.2
				92,x,2025,120,-1
				99999,x,2019,abc,2.5
				00004,x,2025,50,
				,x,2025,50,
				31120,x,2025,50,1,extra
				""");

		assertThat(problems).extracting(p -> p.line() + ":" + p.columnLetter() + ":" + p.key())
			.containsExactly("2:D:plans.value.over-100", "2:E:plans.value.negative", "3:A:plans.import.unit.unknown",
					"3:C:plans.year.outside-plan", "3:D:plans.value.malformed", "3:E:plans.value.whole-number",
					"4:A:plans.unit.outside-province", "5:A:validation.required", "6:F:plans.import.row.extra-cell");
	}

	@Test
	void refusesTheSameUnitYearAndIndicatorTwice() {
		assertThat(problems("unit_code,unit_name,year,1.1,5.2\n92,x,2025,50,\n92,y,2025,60,\n92,z,2024,60,1\n"))
			.singleElement()
			.satisfies(p -> {
				assertThat(p.line()).isEqualTo(3);
				assertThat(p.column()).isEqualTo(4);
				assertThat(p.key()).isEqualTo("plans.import.row.duplicate");
				assertThat(p.argument()).isEqualTo("2");
			});
	}

	@Test
	void listsAtMostTheLimitOfProblems() {
		StringBuilder text = new StringBuilder("unit_code,unit_name,year,1.1\n");
		for (int i = 0; i < 30; i++) {
			text.append("92,x,").append(2000 + i).append(",1\n");
		}
		CsvTable.Table table = CsvTable.read(text.toString().getBytes(StandardCharsets.UTF_8), 100);

		assertThatThrownBy(() -> ImportSheet.read(table, PLAN, columns(), PLACES, 10))
			.isInstanceOfSatisfying(ImportRefused.class, refused -> {
				assertThat(refused.problems()).hasSize(10);
				assertThat(refused.truncated()).isTrue();
			});
	}

	private static ImportSheet.Sheet<Indicator> read(String text) {
		return ImportSheet.read(CsvTable.read(text.getBytes(StandardCharsets.UTF_8), 100), PLAN, columns(), PLACES,
				100);
	}

	private static List<ImportProblem> problems(String text) {
		try {
			read(text);
		}
		catch (ImportRefused refused) {
			return refused.problems();
		}
		throw new AssertionError("not refused: " + text);
	}

	private static ImportSheet.Columns<Indicator> columns() {
		Map<String, Indicator> byCode = new LinkedHashMap<>();
		byCode.put(COVERAGE.code(), COVERAGE);
		byCode.put(COUNT.code(), COUNT);
		return new ImportSheet.Columns<>(byCode, "plans.import.header.unknown-indicator", TargetPolicy::targetValue);
	}

	private static Indicator indicator(long id, String code, Indicator.Measure measure, boolean coverage) {
		return new Indicator(id, 1, code, "chỉ tiêu " + code, measure, null, null, null, null, List.of(),
				Indicator.Direction.INCREASE, null, Indicator.Source.REPORTED, coverage);
	}

}
