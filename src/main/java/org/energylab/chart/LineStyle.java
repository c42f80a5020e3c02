package org.energylab.chart;

import java.util.List;

/**
 * How the n-th data set of a chart is drawn besides its colour, so that series stay apart for a
 * learner who does not tell the colours apart (or prints in grey): lines differ by dash pattern,
 * markers by shape. The words say the same to a screen reader.
 *
 * @param dash the Chart.js {@code borderDash} pattern in pixels, empty for a solid line
 * @param marker the Chart.js {@code pointStyle}
 */
public record LineStyle(List<Integer> dash, String dashName, String marker, String markerName) {
    private static final List<LineStyle> STYLES = List.of(
            new LineStyle(List.of(), "solid line", "circle", "circles"),
            new LineStyle(List.of(8, 4), "dashed line", "triangle", "triangles"),
            new LineStyle(List.of(2, 3), "dotted line", "rect", "squares"),
            new LineStyle(List.of(10, 4, 2, 4), "dash-dot line", "crossRot", "crosses"),
            new LineStyle(List.of(14, 6), "long-dashed line", "rectRot", "diamonds"),
            new LineStyle(List.of(4, 2, 4, 8), "double-dashed line", "star", "stars"));

    public LineStyle {
        dash = List.copyOf(dash);
    }

    /** The style of data set {@code index}; after the last one the styles repeat. */
    public static LineStyle of(int index) {
        return STYLES.get(Math.floorMod(index, STYLES.size()));
    }

    String description() {
        return dashName;
    }

    String markerDescription() {
        return markerName;
    }
}
