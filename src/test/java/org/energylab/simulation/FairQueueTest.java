package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The order in which waiting runs get a worker. */
class FairQueueTest {
    private static final LearnerKey ALICE = new LearnerKey("alice");
    private static final LearnerKey BOB = new LearnerKey("bob");
    private static final LearnerKey CAROL = new LearnerKey("carol");

    @Test
    void learnersTakeTurnsWhateverTheOrderOfArrival() {
        FairQueue<String> queue = new FairQueue<>(3);
        queue.add(ALICE, "a1");
        queue.add(ALICE, "a2");
        queue.add(ALICE, "a3");
        queue.add(BOB, "b1");
        queue.add(BOB, "b2");
        queue.add(CAROL, "c1");
        assertThat(queue.size()).isEqualTo(6);
        assertThat(queue.next()).isEqualTo("a1");
        assertThat(queue.next()).isEqualTo("b1");
        assertThat(queue.next()).isEqualTo("c1");
        assertThat(queue.next()).isEqualTo("a2");
        assertThat(queue.next()).isEqualTo("b2");
        assertThat(queue.next()).isEqualTo("a3");
        assertThat(queue.next()).isNull();
        assertThat(queue.size()).isZero();
    }

    @Test
    void aLearnerAtTheRunningCapWaitsWhileOthersGoAhead() {
        FairQueue<String> queue = new FairQueue<>(1);
        queue.add(ALICE, "a1");
        queue.add(ALICE, "a2");
        assertThat(queue.next()).isEqualTo("a1");
        assertThat(queue.next()).as("alice computes on one worker at most").isNull();
        queue.add(BOB, "b1");
        assertThat(queue.next()).isEqualTo("b1");
        queue.finished(ALICE);
        assertThat(queue.next()).isEqualTo("a2");
    }

    @Test
    void aNewcomerGoesBeforeALearnerJustServed() {
        FairQueue<String> queue = new FairQueue<>(2);
        queue.add(ALICE, "a1");
        queue.add(ALICE, "a2");
        assertThat(queue.next()).isEqualTo("a1");
        queue.finished(ALICE);
        queue.add(BOB, "b1");
        assertThat(queue.next()).isEqualTo("b1");
        assertThat(queue.next()).isEqualTo("a2");
    }

    @Test
    void aRemovedRunLeavesTheQueue() {
        FairQueue<String> queue = new FairQueue<>(1);
        String run = new String("a1");
        queue.add(ALICE, run);
        queue.add(BOB, "b1");
        assertThat(queue.remove(ALICE, run)).isTrue();
        assertThat(queue.remove(ALICE, run)).isFalse();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.next()).isEqualTo("b1");
        assertThat(queue.next()).isNull();
    }
}
