package io.synod.voting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshScheduleTest {
    static final long MS = 1_000_000;

    @Test
    void anExpensiveTallyWaitsThreeTimesItsCostAfterItsLastRecomputation() {
        RefreshSchedule s = new RefreshSchedule();
        s.dirty("p");
        assertEquals(List.of("p"), s.takeDue(0));
        assertTrue(s.isEmpty());
        s.ran("p", 0, 100 * MS); // cost 100 ms: not again before 400 ms
        s.dirty("p");
        assertEquals(List.of(), s.takeDue(399 * MS));
        assertEquals(List.of("p"), s.takeDue(400 * MS));
    }

    @Test
    void anUrgentChangeGoesFirstEvenWhenARecomputationInFlightSetsTheBoundAfterIt() {
        RefreshSchedule s = new RefreshSchedule();
        s.dirty("p");
        s.takeDue(0);
        s.urgent("p"); // a closing arrives while that recomputation runs…
        s.ran("p", 0, 500 * MS); // …which then ends and sets its bound (2 s)
        assertEquals(List.of("p"), s.takeDue(501 * MS));
        s.dirty("p"); // the next vote is bound again
        assertEquals(List.of(), s.takeDue(502 * MS));
    }

    @Test
    void otherTalliesAreNotHeldBackByOnesBound() {
        RefreshSchedule s = new RefreshSchedule();
        s.ran("big", 0, 1_000 * MS);
        s.dirty("big");
        s.dirty("small");
        assertEquals(List.of("small"), s.takeDue(1_001 * MS));
        assertEquals(List.of("big"), s.takeDue(4_000 * MS));
    }

    @Test
    void nanoTimeMayBeNegative() {
        RefreshSchedule s = new RefreshSchedule();
        long t = Long.MIN_VALUE / 2;
        s.ran("p", t, t + MS);
        s.dirty("p");
        assertEquals(List.of(), s.takeDue(t + 2 * MS));
        assertEquals(List.of("p"), s.takeDue(t + 4 * MS));
    }
}
