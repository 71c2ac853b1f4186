package vn.trean.plans;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.trean.shared.ChartFrame;

/**
 * An indicator's city value by year against its target, laid out for an inline SVG: the
 * template draws the points and lines in the {@link #FRAME}, with a title, a description
 * and a table of the same figures for those who do not see the chart. No chart library,
 * no script, no inline style.
 */
record TrendChart(ChartFrame frame, List<Point> points, String valueLine, String targetLine, String maxText,
		List<Point> targets) {

	/** The view box {@code 0 0 320 140} and the plot area in it. */
	static final ChartFrame FRAME = new ChartFrame(320, 140, 44, 308, 12, 112, 18);

	/** One year of the chart, its x, and the y of its value (or target); -1 without. */
	record Point(int year, int x, int y, Progress.Cell cell) {

		public boolean hasValue() {
			return y >= 0;
		}

	}

	static TrendChart of(Indicator indicator, List<Integer> years, Map<Integer, Progress.Cell> city) {
		BigDecimal max = indicator.measure() == Indicator.Measure.PERCENT ? BigDecimal.valueOf(100) : BigDecimal.ONE;
		for (int year : years) {
			Progress.Cell c = city.get(year);
			if (c != null && c.value() != null && c.value().compareTo(max) > 0) {
				max = c.value();
			}
			if (c != null && c.target() != null && c.target().compareTo(max) > 0) {
				max = c.target();
			}
		}
		List<Point> points = new ArrayList<>();
		List<Point> targets = new ArrayList<>();
		ChartFrame.Polyline valueLine = new ChartFrame.Polyline();
		ChartFrame.Polyline targetLine = new ChartFrame.Polyline();
		for (int i = 0; i < years.size(); i++) {
			int year = years.get(i);
			int x = FRAME.x(i, years.size());
			Progress.Cell c = city.get(year);
			int y = FRAME.y(c == null ? null : c.value(), max);
			points.add(new Point(year, x, y, c));
			valueLine.add(x, y);
			int ty = FRAME.y(c == null ? null : c.target(), max);
			targets.add(new Point(year, x, ty, c));
			targetLine.add(x, ty);
		}
		return new TrendChart(FRAME, points, valueLine.points(), targetLine.points(),
				max.stripTrailingZeros().toPlainString(), targets);
	}

}
