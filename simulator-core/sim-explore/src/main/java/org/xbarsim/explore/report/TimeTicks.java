package org.xbarsim.explore.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Ticks at the times people count in on a logarithmic time axis: 1 ns, 1 us, 1 ms, 1 s, 1 min, 1 h,
 * 1 d, 1 week, 30 d, 1 y, 10 y. A log axis of its own puts ticks at decades of seconds, which read as
 * "1.67min, 16.7min, 2.78h"; the chart's own tick labels are hidden and these drawn instead, each a
 * dotted line up the plot with its label at the foot.
 */
final class TimeTicks extends Annotation {
    private static final double MINUTE = 60;
    private static final double HOUR = 3600;
    private static final double DAY = 86_400;
    private static final double YEAR = 365.25 * DAY;
    /** Human units in seconds, and their labels. */
    private static final double[] SECONDS = {1e-9, 1e-6, 1e-3, 1, 10, MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, DAY,
        7 * DAY, 30 * DAY, YEAR, 10 * YEAR, 100 * YEAR, 1000 * YEAR};
    private static final String[] LABELS = {"1ns", "1us", "1ms", "1s", "10s", "1min", "10min", "1h", "6h", "1d",
        "1week", "30d", "1y", "10y", "100y", "1000y"};

    private final double min;
    private final double max;

    /** Ticks for data from {@code min} to {@code max} seconds. */
    TimeTicks(double min, double max) {
        super(false);
        this.min = min;
        this.max = max;
    }

    /** The tick values (seconds) within the data's range, widened by a little for the axis padding. */
    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        for (double s : SECONDS) {
            if (s >= min / 1.5 && s <= max * 1.5) {
                out.add(s);
            }
        }
        return out;
    }

    /** The label of a tick value. */
    static String label(double seconds) {
        for (int i = 0; i < SECONDS.length; i++) {
            if (SECONDS[i] == seconds) {
                return LABELS[i];
            }
        }
        return Charts.humanSeconds(seconds);
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        int top = getYAxisScreenValueForMax();
        int bottom = getYAxisScreenValueForMin();
        int left = getXAxisScreenValueForMin();
        int right = getXAxisScreenValueForMax();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        for (double t : ticks()) {
            int x = getXAxisScreenValue(t);
            if (x < left || x > right) {
                continue;
            }
            g.setColor(new Color(0xbbbbbb));
            g.setStroke(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND,
                    10f, new float[] {3f, 3f}, 0f));
            g.draw(new Line2D.Double(x, top, x, bottom));
            String text = label(t);
            int width = g.getFontMetrics().stringWidth(text);
            g.setColor(Color.BLACK);
            g.drawString(text, x - width / 2, bottom - 6);
        }
    }
}
