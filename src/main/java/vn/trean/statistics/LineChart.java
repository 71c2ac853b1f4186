package vn.trean.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTable.Measure;

/**
 * One KPI over consecutive periods, laid out for an inline SVG that scales to any width
 * (a view box, no fixed size): the template draws the axis, the line and the points, with
 * a title, a description and a table of the same figures for those who do not see the
 * chart. No script, no chart library. A withheld or empty figure leaves a gap.
 *
 * @param kpi the KPI's name (its message keys)
 * @param measure what the values are
 * @param points one per period, oldest first
 * @param line the polyline's points
 * @param max the value at the top of the axis
 */
public record LineChart(String kpi, Measure measure, List<Point> points, String line, BigDecimal max) {

	/** The view box: {@code 0 0 WIDTH HEIGHT}. */
	static final int WIDTH = 320;

	static final int HEIGHT = 150;

	static final int LEFT = 40;

	static final int RIGHT = 300;

	static final int TOP = 12;

	static final int BOTTOM = 118;

	/**
	 * A period of the chart: its code, its x, the y of its value (-1 without) and the
	 * cell.
	 */
	public record Point(String period, String label, int x, int y, Cell cell) {

		public boolean drawn() {
			return y >= 0;
		}

	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + HEIGHT;
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return RIGHT;
	}

	public int top() {
		return TOP;
	}

	public int bottom() {
		return BOTTOM;
	}

	public int labelY() {
		return BOTTOM + 20;
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
		StringBuilder line = new StringBuilder();
		int n = periods.size();
		for (int i = 0; i < n; i++) {
			int x = n == 1 ? (LEFT + RIGHT) / 2 : LEFT + (RIGHT - LEFT) * i / (n - 1);
			Cell c = cells.get(i);
			int y = c.value() == null ? -1 : y(c.value(), max);
			String code = periods.get(i).code();
			points.add(new Point(code, code.substring(2), x, y, c));
			if (y >= 0) {
				line.append(line.isEmpty() ? "" : " ").append(x).append(',').append(y);
			}
		}
		return new LineChart(kpi.name(), kpi.measure(), points, line.toString(), max);
	}

	private static int y(BigDecimal value, BigDecimal max) {
		double share = Math.max(0, value.doubleValue()) / max.doubleValue();
		return (int) Math.round(BOTTOM - (BOTTOM - TOP) * Math.min(1, share));
	}

}
