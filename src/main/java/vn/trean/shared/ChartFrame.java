package vn.trean.shared;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The frame of a line chart that a template draws as inline SVG: the view box, the plot
 * area inside it, and where a series' points fall in it (spread evenly from left to
 * right, zero at the bottom and the axis maximum at the top). The pages' charts place
 * their points through one, so they scale and read alike; no chart library, no script.
 *
 * @param width the view box's width
 * @param height the view box's height
 * @param left the x of the vertical axis
 * @param right the x of the last point
 * @param top the y of the axis maximum
 * @param bottom the y of zero, the horizontal axis
 * @param labelGap how far below the horizontal axis the labels of the points stand
 */
public record ChartFrame(int width, int height, int left, int right, int top, int bottom, int labelGap) {

	/** The SVG view box, {@code 0 0 width height}. */
	public String viewBox() {
		return "0 0 " + width + " " + height;
	}

	/** The baseline of the labels under the horizontal axis. */
	public int labelY() {
		return bottom + labelGap;
	}

	/** The x of point {@code i} of {@code n}; a single point stands in the middle. */
	public int x(int i, int n) {
		return n == 1 ? (left + right) / 2 : left + (right - left) * i / (n - 1);
	}

	/**
	 * The y of a value on an axis from zero to {@code max} (a negative value at zero, one
	 * above the maximum at the top), or -1 without a value.
	 */
	public int y(@Nullable BigDecimal value, BigDecimal max) {
		if (value == null) {
			return -1;
		}
		double share = Math.max(0, value.doubleValue()) / max.doubleValue();
		return (int) Math.round(bottom - (bottom - top) * Math.min(1, share));
	}

	/**
	 * The points of an SVG polyline ({@code x,y x,y}); a point without value is left out.
	 */
	public static final class Polyline {

		private final StringBuilder points = new StringBuilder();

		/** Adds a point, unless {@code y} is -1 (no value). */
		public void add(int x, int y) {
			if (y >= 0) {
				points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
			}
		}

		public String points() {
			return points.toString();
		}

	}

}
