package vn.trean.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import vn.trean.shared.ChartFrame;
import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTable.Measure;

/**
 * One KPI over consecutive periods, laid out for an inline SVG that scales to any width
 * (a view box, no fixed size): the template draws the axis, the line and the points, with
 * a title, a description and a table of the same figures for those who do not see the
 * chart. No script, no chart library. A withheld or empty figure leaves a gap.
 *
 * @param frame the view box and the plot area
 * @param kpi the KPI's name (its message keys)
 * @param measure what the values are
 * @param points one per period, oldest first
 * @param line the polyline's points
 * @param max the value at the top of the axis
 */
public record LineChart(ChartFrame frame, String kpi, Measure measure, List<Point> points, String line,
		BigDecimal max) {

	/** The view box {@code 0 0 320 150} and the plot area in it. */
	static final ChartFrame FRAME = new ChartFrame(320, 150, 40, 300, 12, 118, 20);

	/**
	 * A period of the chart: its code, its x, the y of its value (-1 without) and the
	 * cell.
	 */
	public record Point(String period, String label, int x, int y, Cell cell) {

		public boolean drawn() {
			return y >= 0;
		}

	}

	/**
	 * The chart of a KPI's cells over periods: a share's axis ends at 100, a time's at
	 * its largest value rounded up.
	 */
	static LineChart of(Kpi kpi, List<StatisticsPeriod> periods, List<Cell> cells) {
		BigDecimal max = BigDecimal.valueOf(kpi.measure() == Measure.PERCENT ? 100 : 1);
		for (Cell c : cells) {
			if (c.value() != null && c.value().compareTo(max) > 0) {
				max = c.value().setScale(0, RoundingMode.CEILING);
			}
		}
		List<Point> points = new ArrayList<>();
		ChartFrame.Polyline line = new ChartFrame.Polyline();
		for (int i = 0; i < periods.size(); i++) {
			int x = FRAME.x(i, periods.size());
			Cell c = cells.get(i);
			int y = FRAME.y(c.value(), max);
			String code = periods.get(i).code();
			points.add(new Point(code, code.substring(2), x, y, c));
			line.add(x, y);
		}
		return new LineChart(FRAME, kpi.name(), kpi.measure(), points, line.points(), max);
	}

}
