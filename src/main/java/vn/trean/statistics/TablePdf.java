package vn.trean.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.trean.printing.FormPrinter;
import vn.trean.printing.OfficialDocument;
import vn.trean.printing.OfficialWording;
import vn.trean.shared.Time;

/**
 * A table as an official A4 document: the national heading, the issuing body (the unit's
 * people's committee: a commune's, or the provincial authority), the place and date, the
 * title, the period and unit, the table, and the signature blocks of the person who
 * prepared it and the head of the unit. The heading is the State's wording and stays
 * Vietnamese; the title, labels and signature capacities follow the requester's language.
 */
@Component
class TablePdf {

	private final FormPrinter printer;

	private final Clock clock;

	TablePdf(FormPrinter printer, Clock clock) {
		this.printer = printer;
		this.clock = clock;
	}

	byte[] write(StatisticsTable table, TableText text) {
		LocalDate today = LocalDate.now(clock.withZone(Time.ZONE));
		List<String> header = new ArrayList<>();
		header.add(text.text("statistics-exports.column.row"));
		table.columns().forEach(c -> header.add(text.label(c)));
		List<List<String>> rows = new ArrayList<>();
		for (StatisticsTable.Row row : table.rows()) {
			List<String> line = new ArrayList<>(List.of(text.label(row)));
			for (int c = 0; c < header.size() - 1; c++) {
				line.add(c < row.cells().size() ? text.cell(row.cells().get(c), table.columns().get(c).measure()) : "");
			}
			rows.add(line);
		}
		List<Integer> widths = new ArrayList<>(List.of(Math.max(20, 100 - 8 * table.columns().size())));
		table.columns().forEach(c -> widths.add(8));
		List<String> heading = text.heading(table);
		OfficialDocument document = OfficialDocument
			.builder(OfficialWording.committee(table.unit().name()), table.unit().name(), today,
					text.title(table.kind()).toUpperCase(text.locale()))
			.subtitle(String.join(" - ", heading.subList(0, 2)))
			.table(header, rows, widths)
			.text(heading.size() > 2 ? heading.get(2) : null)
			.signature(text.text("statistics-exports.pdf.prepared-by").toUpperCase(text.locale()), OfficialWording.SIGN,
					null)
			.signature(text.text("statistics-exports.pdf.head").toUpperCase(text.locale()),
					OfficialWording.SIGN_AND_SEAL, null)
			.build();
		return printer.print(document);
	}

}
