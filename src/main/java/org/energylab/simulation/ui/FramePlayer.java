package org.energylab.simulation.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Plays back the frames of a grid that changed during a run (an energy surface while it trains):
 * Play / Pause, a slider over the frames, and the step of the frame shown. The frames live on the
 * server; the player tells its owner which one to draw. While playing, a shared timer thread moves
 * to the next frame every {@value #FRAME_MILLIS} ms through {@link UI#access} (the application
 * pushes), and the playback stops at the last frame, when paused, or when the player leaves the page.
 */
final class FramePlayer extends Div {
    static final long FRAME_MILLIS = 400;

    /** One daemon thread for every player of the server: each tick only queues a UI update. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "frame-player");
        thread.setDaemon(true);
        return thread;
    });

    private final IntConsumer show;
    private final Button play = new Button("Play");
    private final Input slider = new Input(ValueChangeMode.EAGER);
    private final Span step = new Span();
    private List<Long> steps = List.of();
    private int index;
    private ScheduledFuture<?> ticking;

    /** @param show draws frame i (0-based) */
    FramePlayer(IntConsumer show) {
        this.show = show;
        addClassName("frame-player");
        play.addClassName("frame-play");
        play.addThemeVariants(ButtonVariant.LUMO_SMALL);
        play.addClickListener(e -> {
            if (playing()) {
                pause();
            } else {
                play();
            }
        });
        slider.setType("range");
        slider.addClassName("frame-slider");
        slider.getElement().setAttribute("min", "0");
        slider.getElement().setAttribute("step", "1");
        slider.getElement().setAttribute("aria-label", "Frame of the training");
        slider.addValueChangeListener(e -> {
            if (e.isFromClient() && !e.getValue().isEmpty()) {
                pause();
                select(Integer.parseInt(e.getValue()));
            }
        });
        step.addClassName("frame-step");
        step.getElement().setAttribute("aria-live", "polite");
        add(play, slider, step);
        setVisible(false);
    }

    /** Offers these frames, by their steps, and shows the last one; none hides the player. */
    void setFrames(List<Long> frameSteps) {
        pause();
        steps = List.copyOf(frameSteps);
        setVisible(!steps.isEmpty());
        getElement().setAttribute("data-frames", Integer.toString(steps.size()));
        if (!steps.isEmpty()) {
            slider.getElement().setAttribute("max", Integer.toString(steps.size() - 1));
            select(steps.size() - 1);
        }
    }

    int index() {
        return index;
    }

    boolean playing() {
        return ticking != null;
    }

    /** Shows frame {@code i}, clamped to the frames there are. */
    void select(int i) {
        if (steps.isEmpty()) {
            return;
        }
        index = Math.max(0, Math.min(steps.size() - 1, i));
        slider.setValue(Integer.toString(index));
        long at = steps.get(index);
        step.setText("step " + at + " (frame " + (index + 1) + " of " + steps.size() + ")");
        getElement().setAttribute("data-frame", Integer.toString(index));
        getElement().setAttribute("data-step", Long.toString(at));
        show.accept(index);
    }

    /** The next frame; at the last one the playback stops. */
    void advance() {
        if (index >= steps.size() - 1) {
            pause();
            return;
        }
        select(index + 1);
        if (index == steps.size() - 1) {
            pause();
        }
    }

    /** Plays from the frame shown, or from the first when the last one is shown. */
    void play() {
        if (steps.size() < 2 || playing()) {
            return;
        }
        if (index == steps.size() - 1) {
            select(0);
        }
        play.setText("Pause");
        getElement().setAttribute("data-playing", "true");
        UI ui = UI.getCurrent();
        if (ui == null) {
            return; // not attached (a unit test drives advance() itself)
        }
        ticking = TIMER.scheduleAtFixedRate(
                () -> ui.access(this::advance), FRAME_MILLIS, FRAME_MILLIS, TimeUnit.MILLISECONDS);
    }

    void pause() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        play.setText("Play");
        getElement().setAttribute("data-playing", "false");
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        pause();
    }
}
