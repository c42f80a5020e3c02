package org.energylab.simulation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame player without a browser: which frame it asks its owner to draw, and what it shows. */
class FramePlayerTest {
    private final List<Integer> drawn = new ArrayList<>();
    private final FramePlayer player = new FramePlayer(drawn::add);

    @Test
    void offeringFramesShowsTheLastAndLabelsItsStep() {
        assertThat(player.isVisible()).isFalse();
        player.setFrames(List.of(0L, 15L, 30L));
        assertThat(player.isVisible()).isTrue();
        assertThat(drawn).containsExactly(2);
        assertThat(player.getElement().getAttribute("data-step")).isEqualTo("30");
        assertThat(player.getElement().getAttribute("data-frames")).isEqualTo("3");
    }

    @Test
    void advancingStepsThroughTheFramesAndStopsAtTheLast() {
        player.setFrames(List.of(0L, 15L, 30L));
        player.select(0);
        player.advance();
        assertThat(player.index()).isEqualTo(1);
        assertThat(player.getElement().getAttribute("data-step")).isEqualTo("15");
        player.advance();
        player.advance();
        assertThat(player.index()).isEqualTo(2);
        assertThat(drawn).containsExactly(2, 0, 1, 2);
        assertThat(player.playing()).isFalse();
    }

    @Test
    void selectingOutsideTheFramesClampsAndNoFramesHidesThePlayer() {
        player.setFrames(List.of(0L, 15L, 30L));
        player.select(7);
        assertThat(player.index()).isEqualTo(2);
        player.select(-1);
        assertThat(player.index()).isZero();
        player.setFrames(List.of());
        assertThat(player.isVisible()).isFalse();
    }

    @Test
    void playingFromTheLastFrameStartsAgainFromTheFirst() {
        player.setFrames(List.of(0L, 15L, 30L));
        player.play();
        assertThat(player.index()).isZero();
        assertThat(player.getElement().getAttribute("data-step")).isEqualTo("0");
    }
}
