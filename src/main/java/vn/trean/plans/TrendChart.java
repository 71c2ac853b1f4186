package vn.trean.plans;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An indicator's city value by year against its target, laid out for an inline SVG: the
 * template draws the points and lines in a fixed view box, with a title, a description
 * and a table of the same figures for those who do not see the chart. No chart library,
 * no script, no inline style.
 */
record TrendChart(List<Point> points, String valueLine, String targetLine, String maxText, List<Point> targets) {

	/** The view box: {@code 0 0 WIDTH HEIGHT}. */
	static final int WIDTH = 320;

	static final int HEIGHT = 140;

	/** The plot area: x from LEFT to RIGHT, y from TOP (the maximum) to BOTTOM (zero). */
	static final int LEFT = 44;

	static final int RIGHT = 308;

	static final int TOP = 12;

	static final int BOTTOM = 112;

	/** One year of the chart, its x, and the y of its value (or target); -1 without. */
	record Point(int year, int x, int y, Progress.Cell cell) {

		public boolean hasValue() {
			return y >= 0;
		}

	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
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
		return BOTTOM + 18;
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
		StringBuilder valueLine = new StringBuilder();
		StringBuilder targetLine = new StringBuilder();
		int n = years.size();
		for (int i = 0; i < n; i++) {
			int year = years.get(i);
			int x = n == 1 ? (LEFT + RIGHT) / 2 : LEFT + (RIGHT - LEFT) * i / (n - 1);
			Progress.Cell c = city.get(year);
			int y = c == null || c.value() == null ? -1 : y(c.value(), max);
			points.add(new Point(year, x, y, c));
			if (y >= 0) {
				valueLine.append(valueLine.isEmpty() ? "" : " ").append(x).append(',').append(y);
			}
			int ty = c == null || c.target() == null ? -1 : y(c.target(), max);
			targets.add(new Point(year, x, ty, c));
			if (ty >= 0) {
				targetLine.append(targetLine.isEmpty() ? "" : " ").append(x).append(',').append(ty);
			}
		}
		return new TrendChart(points, valueLine.toString(), targetLine.toString(),
				max.stripTrailingZeros().toPlainString(), targets);
	}

	private static int y(BigDecimal value, BigDecimal max) {
		double share = Math.max(0, value.doubleValue()) / max.doubleValue();
		return (int) Math.round(BOTTOM - (BOTTOM - TOP) * Math.min(1, share));
	}

}
