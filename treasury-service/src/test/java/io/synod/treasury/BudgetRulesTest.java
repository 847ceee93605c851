package io.synod.treasury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Envelopes, schedules and the ledger, as the treasury's rules say. */
class BudgetRulesTest {
    static BigInteger n(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void anEnvelopeNeverCommitsMoreThanItWasAllocated() {
        EnvelopeBalance e = EnvelopeBalance.empty().fund(n(1000)).commit(n(600));
        assertEquals(n(400), e.available());
        EnvelopeBalance.OverBudget over = assertThrows(EnvelopeBalance.OverBudget.class, () -> e.commit(n(401)));
        assertEquals(n(400), over.available());
        assertEquals(n(0), e.commit(n(400)).available());
    }

    @Test
    void payingMovesCommittedToSpentAndReleasingFreesIt() {
        EnvelopeBalance e = EnvelopeBalance.empty().fund(n(1000)).commit(n(700)).spend(n(300)).release(n(100));
        assertEquals(n(300), e.committed());
        assertEquals(n(300), e.spent());
        assertEquals(n(400), e.available());
        assertThrows(IllegalStateException.class, () -> e.spend(n(301)));
        assertThrows(IllegalStateException.class, () -> e.release(n(301)));
    }

    @Test
    void aSubDaoDrawsFromItsParentsFreeMoneyOnly() {
        EnvelopeBalance parent = EnvelopeBalance.empty().fund(n(1000)).commit(n(800));
        assertThrows(EnvelopeBalance.OverBudget.class, () -> parent.delegate(n(201)));
        assertEquals(n(0), parent.delegate(n(200)).available());
    }

    @Test
    void aBalanceThatWouldExceedItsAllocationCannotExist() {
        assertThrows(IllegalStateException.class, () -> new EnvelopeBalance(n(10), n(5), n(5), n(1)));
        assertThrows(IllegalStateException.class, () -> new EnvelopeBalance(n(10), n(0), n(-1), n(0)));
    }

    @Test
    void milestonesMustAddUpToTheGrantAndFallDueInOrder() {
        LocalDate today = LocalDate.of(2027, 1, 10);
        MilestonePlan good = new MilestonePlan(List.of(new MilestonePlan.Milestone("a", n(300), today.plusDays(10)),
                new MilestonePlan.Milestone("b", n(100), today.plusDays(40))));
        assertTrue(good.problems(n(400), today).isEmpty());
        assertEquals(List.of("the milestones add up to 400, the grant is 500"), good.problems(n(500), today));
        MilestonePlan bad = new MilestonePlan(List.of(new MilestonePlan.Milestone("a", n(0), today.minusDays(1)),
                new MilestonePlan.Milestone("b", n(1), today.minusDays(2))));
        assertEquals(List.of("milestone 1 must pay a positive amount", "milestone 1 is due in the past",
                "milestone 2 is due in the past", "milestone 2 is due before milestone 1"), bad.problems(n(1), today));
    }

    @Test
    void ledgerEntriesBalanceInEveryAsset() {
        JournalEntry e = JournalEntry.transfer("payout-paid", "p", "m", "grants-payable:g", "vault:d", 1, "native", n(5));
        assertEquals(2, e.lines().size());
        assertThrows(IllegalArgumentException.class, () -> new JournalEntry("x", "r", null, List.of(
                JournalEntry.Line.debit("a", 1, "native", n(5)), JournalEntry.Line.credit("b", 2, "native", n(5)))));
        assertThrows(IllegalArgumentException.class, () -> JournalEntry.Line.debit("a", 1, "native", n(0)));
    }

    @Test
    void periodsAreUtcQuarters() {
        assertEquals("2027-Q1", Period.of(Instant.parse("2027-03-31T23:59:59Z")).toString());
        assertEquals("2027-Q2", Period.of(Instant.parse("2027-04-01T00:00:00Z")).toString());
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2027-Q5"));
        assertTrue(Period.parse("2027-Q1").compareTo(Period.parse("2026-Q4")) > 0);
    }

    @Test
    void amountsAreBaseUnitsShownWithDecimals() {
        assertEquals("1.5", Amounts.display(new BigInteger("1500000000000000000"), 18));
        assertEquals("0.000001", Amounts.display(n(1), 6));
        assertThrows(IllegalArgumentException.class, () -> Amounts.positive("0", "amount"));
        assertThrows(IllegalArgumentException.class, () -> Amounts.positive(BigInteger.TWO.pow(256).toString(), "amount"));
    }
}
