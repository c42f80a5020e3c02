package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.energylab.simulation.RunnerFixture.EMPTY;
import static org.energylab.simulation.RunnerFixture.await;
import static org.energylab.simulation.RunnerFixture.pass;
import static org.energylab.simulation.RunnerFixture.refusal;
import static org.energylab.simulation.RunnerFixture.result;
import static org.energylab.simulation.RunnerFixture.stopReason;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.energylab.simulation.RunnerFixture.TestSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Fair turns across learners: nobody holds every worker, queues are served in turns, cancelling frees at once. */
class FairSchedulingTest {
    private RunnerFixture fixture;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aSecondLearnersTrivialRunFinishesWhileTheFirstHasItsMaximumRunsGoing() throws Exception {
        fixture = new RunnerFixture(2, 64, 3, DataSize.ofMegabytes(64));
        CountDownLatch gate = fixture.gate();
        AtomicInteger started = new AtomicInteger();
        Simulation slow = new TestSimulation("slow", context -> {
            started.incrementAndGet();
            pass(gate, context);
            return EMPTY;
        });
        CountDownLatch firstStarted = new CountDownLatch(1);
        List<RunHandle> alice = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) { // three different runs: nothing to share
            alice.add(fixture.submit(
                    new TestSimulation("slow", context -> {
                        firstStarted.countDown();
                        return slow.run(context);
                    }),
                    "alice",
                    seed));
        }
        await(firstStarted);
        assertThat(refusal(() -> fixture.submit(slow, "alice", 4)))
                .as("alice is at her cap")
                .isEqualTo(RunRefusedException.Reason.SESSION_LIMIT);

        RunHandle bob = fixture.submit(new TestSimulation("trivial", context -> EMPTY), "bob", 0);
        assertThat(result(bob)).isSameAs(EMPTY);
        assertThat(alice).noneMatch(h -> h.result().isDone());
        assertThat(started).as("alice computes on one of the two workers only").hasValue(1);

        gate.countDown();
        for (RunHandle handle : alice) {
            assertThat(result(handle)).isSameAs(EMPTY);
        }
    }

    @Test
    void queuedRunsAreServedInTurnsAcrossLearners() throws Exception {
        fixture = new RunnerFixture(1, 64, 3, DataSize.ofBytes(0));
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch gate = fixture.gate();
        CountDownLatch started = new CountDownLatch(1);
        RunHandle first = fixture.submit(
                new TestSimulation("a1", context -> {
                    order.add("alice 1");
                    started.countDown();
                    pass(gate, context);
                    return EMPTY;
                }),
                "alice",
                0);
        await(started);
        RunHandle second = fixture.submit(recording("alice 2", order), "alice", 0);
        RunHandle third = fixture.submit(recording("alice 3", order), "alice", 0);
        RunHandle bobs = fixture.submit(recording("bob 1", order), "bob", 0);

        gate.countDown();
        for (RunHandle handle : List.of(first, second, third, bobs)) {
            result(handle);
        }
        assertThat(order).containsExactly("alice 1", "bob 1", "alice 2", "alice 3");
    }

    private static Simulation recording(String name, List<String> order) {
        return new TestSimulation(name, context -> {
            order.add(name);
            return EMPTY;
        });
    }

    @Test
    void aCancelledQueuedRunLeavesTheQueueAndFreesItsSlotAtOnce() throws Exception {
        fixture = new RunnerFixture(1, 1, 2, DataSize.ofBytes(0));
        CountDownLatch gate = fixture.gate();
        CountDownLatch started = new CountDownLatch(1);
        RunHandle running = fixture.submit(
                new TestSimulation("blocking", context -> {
                    started.countDown();
                    pass(gate, context);
                    return EMPTY;
                }),
                "alice",
                0);
        await(started);
        AtomicInteger calls = new AtomicInteger();
        Simulation counted = new TestSimulation("counted", context -> {
            calls.incrementAndGet();
            return EMPTY;
        });
        RunHandle queued = fixture.submit(counted, "alice", 1);
        assertThat(refusal(() -> fixture.submit(counted, "alice", 2)))
                .isEqualTo(RunRefusedException.Reason.SESSION_LIMIT);

        queued.cancel();
        // While the worker is still busy: the cancelled run has already stopped...
        assertThat(stopReason(queued)).isEqualTo(RunStoppedException.Reason.CANCELLED);
        // ...and given back both alice's slot and its place in the queue of one.
        RunHandle next = fixture.submit(counted, "alice", 3);
        assertThat(running.result().isDone()).isFalse();

        gate.countDown();
        assertThat(result(running)).isSameAs(EMPTY);
        assertThat(result(next)).isSameAs(EMPTY);
        assertThat(calls).as("the cancelled run never ran").hasValue(1);
    }

    @Test
    void underManyLearnersCancellingAtRandomEveryRunEndsAndEverySlotComesBack() throws Exception {
        fixture = new RunnerFixture(2, 64, 3, DataSize.ofMegabytes(1));
        Random random = new Random(1);
        Simulation work = new TestSimulation("work", context -> {
            for (int i = 0; i < 20; i++) {
                context.cancellation().check();
                Thread.onSpinWait();
            }
            return EMPTY;
        });
        for (int round = 0; round < 20; round++) {
            List<RunHandle> handles = new ArrayList<>();
            for (int learner = 0; learner < 8; learner++) {
                for (int run = 0; run < 3; run++) {
                    // Few seeds, so runs are shared, cached and computed in a mix.
                    handles.add(fixture.submit(work, "learner-" + learner, random.nextInt(4)));
                }
            }
            handles.stream().filter(h -> random.nextInt(3) == 0).forEach(RunHandle::cancel);
            for (RunHandle handle : handles) {
                try {
                    assertThat(result(handle)).isSameAs(EMPTY);
                } catch (ExecutionException e) {
                    assertThat(handle.isCancelled()).isTrue();
                    assertThat(e.getCause()).isInstanceOf(RunStoppedException.class);
                }
            }
        }
        // Nobody kept a slot: each learner may have its three runs again.
        for (int learner = 0; learner < 8; learner++) {
            for (int run = 0; run < 3; run++) {
                fixture.submit(work, "learner-" + learner, 100 + run);
            }
        }
    }
}
