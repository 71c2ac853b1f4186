package vn.trean.plans;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.printing.FormPrinter;
import vn.trean.printing.OfficialDocument;
import vn.trean.printing.OfficialWording;
import vn.trean.printing.Workbook;

/**
 * Writes a plan's progress report as the files an export job produces: an XLSX workbook
 * (the city sheet with the figures by sex, and a sheet of every commune's value per
 * indicator) or a PDF official document, in the report's language.
 */
@Component
class ProgressDocuments {

	/**
	 * The report of one plan and period, as an export job builds it, and its language.
	 */
	record Report(Plan plan, ReportingPeriod period, List<PlanProgress.IndicatorProgress> city,
			List<Indicator> indicators, List<List<PlanProgress.UnitProgress>> communes, Locale locale) {
	}

	private final Geography geography;

	private final FormPrinter printer;

	private final MessageSource messages;

	private final Clock clock;

	ProgressDocuments(Geography geography, FormPrinter printer, MessageSource messages, Clock clock) {
		this.geography = geography;
		this.printer = printer;
		this.messages = messages;
		this.clock = clock;
	}

	byte[] workbook(Report report) {
		Workbook workbook = new Workbook();
		citySheet(workbook, report);
		communesSheet(workbook, report);
		return workbook.bytes();
	}

	/** Every indicator's city value, with the figures by sex where reports gave them. */
	private void citySheet(Workbook workbook, Report report) {
		Locale l = report.locale();
		List<String> cityHeader = new ArrayList<>(
				List.of(text(l, "plan-exports.column.code"), text(l, "plan-exports.column.name"),
						text(l, "plan-exports.column.measure"), text(l, "plan-exports.column.target"),
						text(l, "plan-exports.column.numerator"), text(l, "plan-exports.column.denominator"),
						text(l, "plan-exports.column.value"), text(l, "plan-exports.column.status")));
		// the figures by sex, where the indicator is broken down by sex and reports gave
		// them
		for (ReportValue.Disaggregation sex : PlanReportPolicy.SEXES) {
			for (String column : List.of("plan-exports.column.numerator", "plan-exports.column.denominator")) {
				cityHeader.add(
						text(l, "plan-reports.sex-figure", text(l, "plan-reports.sex." + sex.name()), text(l, column)));
			}
		}
		Workbook.Sheet city = workbook.sheet(text(l, "plan-exports.sheet.city"), cityHeader);
		for (PlanProgress.IndicatorProgress row : report.city()) {
			Indicator i = row.indicator();
			Progress.Cell c = row.city();
			boolean counts = c != null && c.value() != null;
			List<Object> cells = new ArrayList<>(Arrays.asList(i.code(), i.name(),
					text(l, "plan-exports.measure." + i.measure()), c == null ? null : c.target(),
					counts ? c.numerator() : null, counts && i.coverage() ? c.denominator() : null,
					counts ? c.value() : null, status(l, row)));
			for (ReportValue.Disaggregation sex : PlanReportPolicy.SEXES) {
				Progress.Cell s = row.sexes().get(sex);
				boolean given = s != null && s.value() != null;
				cells.add(given ? s.numerator() : null);
				cells.add(given && i.coverage() ? s.denominator() : null);
			}
			city.row(cells);
		}
	}

	/** Every commune's value of every indicator. */
	private void communesSheet(Workbook workbook, Report report) {
		Locale l = report.locale();
		List<String> header = new ArrayList<>(
				List.of(text(l, "plan-exports.column.unit-code"), text(l, "plan-exports.column.unit")));
		report.indicators().forEach(i -> header.add(i.code()));
		Workbook.Sheet communes = workbook.sheet(text(l, "plan-exports.sheet.communes", label(l, report.period())),
				header);
		List<AdministrativeUnit> units = geography.currentUnitsWithin(report.plan().province())
			.stream()
			.skip(1)
			.toList();
		for (int u = 0; u < units.size(); u++) {
			List<Object> cells = new ArrayList<>(List.of(units.get(u).code(), units.get(u).fullName()));
			for (List<PlanProgress.UnitProgress> column : report.communes()) {
				BigDecimal value = u < column.size() ? column.get(u).cell().value() : null;
				cells.add(value);
			}
			communes.row(cells);
		}
	}

	/**
	 * The report as an official document. The heading the printing module lays out (the
	 * national heading and motto, the committee and the place-and-date line) is the
	 * State's wording and stays Vietnamese; title, labels, table and note follow the
	 * report's language.
	 */
	byte[] pdf(Report report) {
		Locale l = report.locale();
		Plan plan = report.plan();
		AdministrativeUnit province = geography.get(plan.province());
		LocalDate today = LocalDate.now(clock.withZone(vn.trean.shared.Time.ZONE));
		List<List<String>> rows = new ArrayList<>();
		for (PlanProgress.IndicatorProgress row : report.city()) {
			Indicator i = row.indicator();
			Progress.Cell c = row.city();
			boolean counts = c != null && c.value() != null;
			rows.add(List.of(i.code(), i.name(), c == null ? "–" : value(l, i, c.targetText()),
					counts ? Long.toString(c.numerator()) : "–",
					counts && i.coverage() ? Long.toString(c.denominator()) : "–",
					c == null ? "–" : value(l, i, c.valueText()), status(l, row)));
		}
		OfficialDocument document = OfficialDocument
			.builder(OfficialWording.committee(province.fullName()), province.name(), today,
					text(l, "plan-exports.pdf.title"))
			.subtitle(text(l, "plan-exports.pdf.subtitle", plan.number(), label(l, report.period())))
			.field(text(l, "plan-exports.pdf.plan"), plan.title())
			.field(text(l, "plan-exports.pdf.period"), label(l, report.period()))
			.table(List.of(text(l, "plan-exports.column.code"), text(l, "plan-exports.column.name"),
					text(l, "plan-exports.column.target"), text(l, "plan-exports.column.numerator"),
					text(l, "plan-exports.column.denominator"), text(l, "plan-exports.column.value"),
					text(l, "plan-exports.column.status")), rows, List.of(7, 30, 11, 10, 10, 11, 16))
			.text(text(l, "plan-exports.pdf.note"))
			.build();
		return printer.print(document);
	}

	private String status(Locale locale, PlanProgress.IndicatorProgress row) {
		return row.city() == null ? text(locale, row.note())
				: text(locale, "plan-reports.progress.level." + row.city().levelName());
	}

	private String value(Locale locale, Indicator indicator, String number) {
		return number == null ? "–" : text(locale, "plan-reports.value." + indicator.measure(), number);
	}

	private String label(Locale locale, ReportingPeriod period) {
		return text(locale, period.labelKey(), period.yearText());
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
