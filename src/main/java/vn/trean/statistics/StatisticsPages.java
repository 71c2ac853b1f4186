package vn.trean.statistics;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseStatisticsFacts;
import vn.trean.children.ChildId;
import vn.trean.intake.ReportId;
import vn.trean.intake.ReportStatisticsFacts;
import vn.trean.children.ChildRegistry;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.Dates;
import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTable.Column;
import vn.trean.statistics.StatisticsTable.Measure;

/**
 * What the statistics pages show: a table with its figures written the reader's way and
 * its cells' links, the units a user may choose, and the records behind a cell.
 */
@Component
class StatisticsPages {

	private final Geography geography;

	private final MessageSource messages;

	private final ChildRegistry children;

	private final Dates dates;

	private final CaseStatisticsFacts cases;

	private final ReportStatisticsFacts reports;

	StatisticsPages(Geography geography, MessageSource messages, ChildRegistry children, Dates dates,
			CaseStatisticsFacts cases, ReportStatisticsFacts reports) {
		this.cases = cases;
		this.reports = reports;
		this.geography = geography;
		this.messages = messages;
		this.children = children;
		this.dates = dates;
	}

	/** A table as the page shows it. */
	record TableView(String code, String title, List<Column> columns, List<RowView> rows, boolean suppressed,
			boolean linked) {
	}

	record RowView(String labelKey, int level, List<CellView> cells) {
	}

	/**
	 * A cell: its text ({@code null} when empty), whether hidden, its drill-down link.
	 */
	record CellView(@Nullable String text, boolean suppressed, @Nullable String href) {
	}

	TableView view(StatisticsTable table, Locale locale) {
		List<RowView> rows = new ArrayList<>();
		boolean linked = false;
		for (StatisticsTable.Row row : table.rows()) {
			List<CellView> cells = new ArrayList<>();
			for (int c = 0; c < row.cells().size(); c++) {
				Cell cell = row.cells().get(c);
				String href = cell.trace() == null ? null : cellAddress(table, cell.trace());
				linked |= href != null;
				cells.add(new CellView(figure(cell.value(), table.columns().get(c).measure(), locale),
						cell.suppressed(), href));
			}
			rows.add(new RowView(row.labelKey(), row.level(), cells));
		}
		return new TableView(table.kind().code(), title(table.kind(), table.period(), table.unit(), locale),
				table.columns(), rows, table.suppressed(), linked);
	}

	/** The caption: table, period and unit. */
	String title(TableKind kind, StatisticsPeriod period, StatisticsUnit unit, Locale locale) {
		return messages.getMessage("statistics.caption",
				new Object[] { messages.getMessage("statistics.table." + kind.code(), null, locale),
						period(period, locale), unit.name() },
				locale);
	}

	String period(StatisticsPeriod period, Locale locale) {
		String year = String.valueOf(period.from().getYear());
		return switch (period.kind()) {
			case HALF_YEAR -> messages.getMessage(period.from().getMonthValue() == 1 ? "statistics.period.first-half"
					: "statistics.period.second-half", new Object[] { year }, locale);
			case YEAR -> messages.getMessage("statistics.period.year", new Object[] { year }, locale);
			case CUSTOM -> messages.getMessage("statistics.period.range",
					new Object[] { dates.date(period.from(), locale), dates.date(period.to(), locale) }, locale);
		};
	}

	private static String cellAddress(StatisticsTable table, String trace) {
		return UriComponentsBuilder.fromPath("/statistics/tables/{table}/cells/" + trace)
			.queryParam("period", table.period().code())
			.queryParam("unit", table.unit().code())
			.buildAndExpand(table.kind().code())
			.encode()
			.toUriString();
	}

	private static @Nullable String figure(@Nullable BigDecimal value, Measure measure, Locale locale) {
		if (value == null) {
			return null;
		}
		NumberFormat format = NumberFormat.getInstance(locale);
		format.setMinimumFractionDigits(measure == Measure.COUNT ? 0 : 1);
		format.setMaximumFractionDigits(measure == Measure.COUNT ? 0 : 1);
		return format.format(value);
	}

	/**
	 * The units a user may ask tables for, by code: the jurisdiction, the units in force
	 * under it, and a province's districts abolished in 2025 (for the periods before).
	 */
	Map<String, String> units(CurrentUser user) {
		Map<String, String> units = new LinkedHashMap<>();
		geography.currentUnitsWithin(user.jurisdiction())
			.stream()
			.filter(u -> u.level() != AdministrativeUnit.Level.DISTRICT)
			.forEach(u -> units.put(u.code(), u.fullName()));
		AdministrativeUnit jurisdiction = geography.get(user.jurisdiction());
		if (jurisdiction.level() == AdministrativeUnit.Level.PROVINCE) {
			String before = messages.getMessage("statistics.unit.old-district", null, Locale.ROOT);
			geography.history(jurisdiction.id())
				.oldDistricts()
				.forEach(d -> units.putIfAbsent(d.code(), d.fullName() + " " + before));
		}
		return units;
	}

	/** A record behind a cell as its list shows it. */
	record RecordLine(String kind, @Nullable String href, String label, String unit, String day) {
	}

	/**
	 * The records of a page of a cell, named by their reference codes (two statements).
	 */
	List<RecordLine> lines(List<CellRecord> records) {
		Map<UnitId, String> names = new HashMap<>();
		Map<CaseId, String> caseCodes = cases.referenceCodes(records.stream()
			.filter(r -> r.kind() == CellRecord.Kind.CASE)
			.map(r -> new CaseId(UUID.fromString(r.id())))
			.toList());
		Map<ReportId, String> reportCodes = reports.referenceCodes(records.stream()
			.filter(r -> r.kind() == CellRecord.Kind.REPORT)
			.map(r -> new ReportId(UUID.fromString(r.id())))
			.toList());
		return records.stream().map(r -> {
			String unit = names.computeIfAbsent(r.unit(),
					id -> geography.find(id).map(AdministrativeUnit::fullName).orElse(String.valueOf(id.value())));
			String day = r.day() == null ? "–" : dates.date(r.day());
			return switch (r.kind()) {
				case CASE -> new RecordLine("CASE", "/cases/" + r.id(),
						caseCodes.getOrDefault(new CaseId(UUID.fromString(r.id())), r.id().substring(0, 8)), unit, day);
				case REPORT -> new RecordLine("REPORT", "/intake/reports/" + r.id(),
						reportCodes.getOrDefault(new ReportId(UUID.fromString(r.id())), r.id().substring(0, 8)), unit,
						day);
				case CHILD -> new RecordLine("CHILD", null,
						children.find(new ChildId(Long.parseLong(r.id())))
							.map(c -> c.reference().toString())
							.orElse(r.id()),
						unit, day);
			};
		}).toList();
	}

}
