package io.synod.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyCalculatorTest {
    static final List<Long> CHAINS = List.of(1L, 2L);
    static final TallyRules FAA = new TallyRules(CountingStrategy.FOR_AGAINST_ABSTAIN, List.of(), 400, 5000, null, 0);

    static CountedVote vote(String voter, long chain, int support, long weight) {
        return new CountedVote(voter, chain, support, List.of(), BigInteger.valueOf(weight));
    }

    static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void quorumCountsForAndAbstainOfTheSupplyAcrossChains() {
        // supply 10_000 over both chains, quorum 4% = 400; 300 for + 100 abstain reach it, against does not count
        var t = TallyCalculator.compute(FAA, b(10_000), CHAINS,
                List.of(vote("a", 1, 1, 300), vote("b", 2, 2, 100), vote("c", 2, 0, 200)));
        assertEquals(b(400), t.quorum());
        assertEquals(b(400), t.quorumVotes());
        assertTrue(t.quorumReached());
        assertEquals(b(600), t.participation());
        assertEquals(List.of(b(0), b(300), b(0)), t.perChain().get(1L));
        assertEquals(List.of(b(200), b(0), b(100)), t.perChain().get(2L));
        assertEquals(6000, t.approvalBps()); // 300 / (300 + 200)
        assertTrue(t.passed());
    }

    @Test
    void quorumMissedByOneVoteDefeats() {
        var t = TallyCalculator.compute(FAA, b(10_000), CHAINS, List.of(vote("a", 1, 1, 399)));
        assertFalse(t.quorumReached());
        assertFalse(t.passed());
    }

    @Test
    void approvalMustStrictlyExceedTheThresholdSoATieFails() {
        var tie = TallyCalculator.compute(FAA, b(1_000), CHAINS, List.of(vote("a", 1, 1, 300), vote("b", 2, 0, 300)));
        assertTrue(tie.quorumReached());
        assertNull(tie.winningChoice());
        assertFalse(tie.passed());
        var supermajority = new TallyRules(CountingStrategy.FOR_AGAINST_ABSTAIN, List.of(), 400, 6667, null, 0);
        var twoThirds = TallyCalculator.compute(supermajority, b(1_000), CHAINS,
                List.of(vote("a", 1, 1, 200), vote("b", 2, 0, 100)));
        assertFalse(twoThirds.passed()); // 6666 bps does not exceed 6667
    }

    @Test
    void unknownSupplyMeansQuorumNotYetKnown() {
        var t = TallyCalculator.compute(FAA, null, CHAINS, List.of(vote("a", 1, 1, 300)));
        assertNull(t.quorum());
        assertFalse(t.quorumReached());
    }

    @Test
    void superQuorumNeedsFavourVotesOfTheWholeSupply() {
        var rules = new TallyRules(CountingStrategy.FOR_AGAINST_ABSTAIN, List.of(), 400, 5000, 3000, 0);
        assertTrue(TallyCalculator.compute(rules, b(1_000), CHAINS, List.of(vote("a", 1, 1, 300))).superQuorumReached());
        assertFalse(TallyCalculator.compute(rules, b(1_000), CHAINS,
                List.of(vote("a", 1, 1, 299), vote("b", 1, 2, 500))).superQuorumReached());
    }

    @Test
    void singleChoiceLeaderWinsOnItsShareOfAllVotes() {
        var rules = new TallyRules(CountingStrategy.SINGLE_CHOICE, List.of("red", "green", "blue"), 100, 4000, null, 0);
        var t = TallyCalculator.compute(rules, b(1_000), CHAINS,
                List.of(vote("a", 1, 0, 100), vote("b", 1, 1, 250), vote("c", 2, 2, 150)));
        assertEquals(1, t.winningChoice());
        assertEquals(5000, t.approvalBps());
        assertTrue(t.passed());
    }

    @Test
    void approvalVotingGivesFullWeightToEachApprovedChoice() {
        var rules = new TallyRules(CountingStrategy.APPROVAL, List.of("x", "y", "z"), 100, 5000, null, 0);
        var t = TallyCalculator.compute(rules, b(1_000), CHAINS, List.of(
                new CountedVote("a", 1, null, List.of(0, 1), b(100)),
                new CountedVote("b", 2, null, List.of(1), b(50))));
        assertEquals(List.of(b(100), b(150), b(0)), t.choices());
        assertEquals(b(150), t.participation());
        assertEquals(1, t.winningChoice());
        assertEquals(10_000, t.approvalBps());
    }

    @Test
    void quadraticCreditIsPerPersonAcrossChains() {
        var rules = new TallyRules(CountingStrategy.QUADRATIC, List.of("yes", "no"), 0, 5000, null, 0);
        // a whale with 100 on each chain gets sqrt(200) = 14, not sqrt(100) + sqrt(100) = 20
        var t = TallyCalculator.compute(rules, b(10_000), CHAINS, List.of(
                vote("whale", 1, 0, 100), vote("whale", 2, 0, 100),
                vote("x", 1, 1, 49), vote("y", 2, 1, 64)));
        assertEquals(b(14), t.choices().get(0));
        assertEquals(b(15), t.choices().get(1)); // 7 + 8
        assertEquals(1, t.winningChoice());
        assertEquals(3, t.voters());
    }

    @Test
    void aVoteForAChoiceTheProposalDoesNotHaveNeverCounts() {
        var t = TallyCalculator.compute(FAA, b(1_000), CHAINS, List.of(vote("a", 1, 7, 500)));
        assertEquals(BigInteger.ZERO, t.participation());
        assertEquals(0, t.voters());
    }

    @Test
    void sumsPerChainAndChoiceGiveTheSameResultAsTheVotesThemselves() {
        var perVote = TallyCalculator.compute(FAA, b(10_000), CHAINS,
                List.of(vote("a", 1, 1, 300), vote("b", 1, 1, 200), vote("c", 2, 0, 100), vote("a", 2, 1, 50)));
        var summed = TallyCalculator.compute(FAA, b(10_000), CHAINS,
                List.of(vote(null, 1, 1, 500), vote(null, 2, 0, 100), vote(null, 2, 1, 50)), 3);
        assertEquals(perVote, summed);
    }
}
