package org.energylab.simulation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Axis;
import org.energylab.simulation.Grid;
import org.junit.jupiter.api.Test;

/**
 * Thinning a series for a chart, at the end of a run or while it streams, keeps its gaps; a grid
 * previewed while a run goes on travels with the stream.
 */
class ChartGapsTest {
    private static final double NAN = Double.NaN;

    @Test
    void thinningKeepsAGapShorterThanTheStride() {
        double[] xs = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        double[] ys = {0, 1, 2, 3, NAN, 5, 6, 7, 8};
        double[][] thin = ResultChart.thin(xs, ys, 3);
        assertThat(thin[0]).containsExactly(0, 3, 6);
        assertThat(thin[1][0]).isEqualTo(0);
        assertThat(thin[1][1]).as("the window 3..5 holds a gap").isNaN();
        assertThat(thin[1][2]).isEqualTo(6);
    }

    @Test
    void thinningWithoutGapsKeepsEveryStrideThPoint() {
        double[][] thin = ResultChart.thin(new double[] {0, 1, 2, 3, 4}, new double[] {5, 6, 7, 8, 9}, 2);
        assertThat(thin[0]).containsExactly(0, 2, 4);
        assertThat(thin[1]).containsExactly(5, 7, 9);
    }

    @Test
    void streamingKeepsOneGapPerRunOfGaps() {
        List<ChartFeed.Update> updates = new ArrayList<>();
        ChartFeed feed = new ChartFeed(updates::add);
        int n = 15_000; // a first chunk this long thins by 1000
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            ys[i] = i >= 500 && i < 520 ? NAN : i;
        }
        feed.append("s", xs, ys);
        feed.progress(1);
        double[][] sent = updates.get(0).points().get("s");
        assertThat(sent[0])
                .containsExactly(
                        0, 500, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 11000, 12000, 13000,
                        14000);
        assertThat(sent[1][1]).isNaN();
        assertThat(sent[1][2]).isEqualTo(1000);
    }

    /** A grid previewed during a run goes to the browser with a push, once; the first push goes at once. */
    @Test
    void aPreviewedGridTravelsWithAPushOnce() throws InterruptedException {
        List<ChartFeed.Update> updates = new ArrayList<>();
        ChartFeed feed = new ChartFeed(updates::add);
        Axis axis = new Axis("y", "");
        double[] xs = {0, 1};
        Grid first = new Grid("F", axis, axis, axis, xs, xs, new double[][] {{1, 2}, {3, 4}});
        Grid second = new Grid("F", axis, axis, axis, xs, xs, new double[][] {{5, 6}, {7, 8}});
        feed.grid("energy", first);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).grids()).containsExactly(Map.entry("energy", first));

        feed.grid("energy", second);
        Thread.sleep(110); // longer than the push interval: the next call pushes whatever waits
        feed.progress(1);
        List<Map<String, Grid>> later = updates.subList(1, updates.size()).stream()
                .map(ChartFeed.Update::grids)
                .filter(g -> !g.isEmpty())
                .toList();
        assertThat(later).containsExactly(Map.of("energy", second));
    }
}
