package org.xbarsim.explore.report;

import java.awt.BasicStroke;
import java.awt.Color;

/**
 * The colours and strokes every plot draws with: ten colours that stay apart for people with the
 * common colour-vision deficiencies (Tableau 10, the default of matplotlib), given to series in
 * order, so two series that differ never share a colour; a series and its reference (software
 * accuracy beside the analog one) share one colour, the reference dashed.
 */
public final class Palette {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    /** A reference line (a limit, a fitted slope): dashed, not a data series. */
    public static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {8f, 6f}, 0f);
    public static final BasicStroke SOLID = new BasicStroke(2f);
    public static final BasicStroke THICK = new BasicStroke(2.5f);

    private Palette() {
    }

    /** The colour of the {@code i}-th series (after ten the colours repeat, darker). */
    public static Color of(int i) {
        Color c = COLORS[i % COLORS.length];
        return i < COLORS.length ? c : c.darker();
    }

    /**
     * The colour for many points of a series drawn behind its line: the same hue, partly transparent,
     * but dark enough to see on white (alpha 150 of 255; 70 was all but invisible for the pale hues).
     */
    public static Color faint(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 150);
    }
}
