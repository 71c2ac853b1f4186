package vn.trean.statistics;

import java.util.ArrayList;
import java.util.List;

import vn.trean.intake.Channel;
import vn.trean.statistics.CellQuery.Line;
import vn.trean.statistics.CellQuery.Split;

/**
 * What reached the service in the period: reports received by channel, the contacts that
 * were no case (counselling, requests for information), and how many reports of harm were
 * routed to a commune, each with its share.
 */
final class IntakeTable {

	private static final String FACTS = """
			WITH facts AS MATERIALIZED (
			  SELECT report_id::text AS item_id, unit_id AS item_unit, (received_at AT TIME ZONE :zone)::date AS item_day,
			    channel, contact_type, routed_to_commune
			  FROM stat_report WHERE received_at >= :from AND received_at < :until AND unit_id = ANY(:units)
			)""";

	static final String REPORTS = "TOTAL";

	static final String SHARE = "SHARE";

	static final String TOTAL_ROW = "INTAKE_REPORTS";

	static final String HARM_ROW = "INTAKE_HARM";

	static final String ROUTED_ROW = "INTAKE_HARM_ROUTED";

	static final CellQuery QUERY = new CellQuery(FACTS, rows(),
			List.of(Split.count(REPORTS, "statistics.intake.column.reports", "TRUE"),
					Split.percent(SHARE, "statistics.intake.column.share")),
			CellRecord.Kind.REPORT, List.of("channel", "contact_type", "routed_to_commune"));

	private IntakeTable() {
	}

	private static List<Line> rows() {
		List<Line> rows = new ArrayList<>();
		rows.add(new Line(TOTAL_ROW, "statistics.intake.row.total", 0, "TRUE"));
		for (Channel channel : Channel.values()) {
			rows.add(new Line("INTAKE_CHANNEL_" + channel, "channel." + channel, 1, "channel = '" + channel + "'"));
		}
		for (String type : List.of("COUNSELLING", "INFORMATION_REQUEST")) {
			rows.add(new Line("INTAKE_CONTACT_" + type, "contact." + type, 0, "contact_type = '" + type + "'"));
		}
		rows.add(new Line(HARM_ROW, "statistics.intake.row.harm", 0, "contact_type = 'HARM'"));
		rows.add(
				new Line(ROUTED_ROW, "statistics.intake.row.routed", 1, "contact_type = 'HARM' AND routed_to_commune"));
		return rows;
	}

	/** Fills the shares: of all reports, and of the reports of harm for those routed. */
	static void shares(TableFigures figures) {
		for (Line row : QUERY.rows()) {
			String base = row.code().equals(ROUTED_ROW) ? HARM_ROW : TOTAL_ROW;
			if (!row.code().equals(TOTAL_ROW)) {
				figures.share(row.code(), SHARE, row.code(), REPORTS, base, REPORTS);
			}
		}
	}

}
