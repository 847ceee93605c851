package io.synod.treasury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synod.treasury.CommitteeDecision.Outcome;
import io.synod.treasury.CommitteeDecision.Vote;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a committee decides: M-of-N, conflicts of interest, recusal, rubrics. */
class CommitteeRulesTest {
    static final Set<String> FIVE = Set.of("a", "b", "c", "d", "e");

    @Test
    void recusalKeepsThePolicysProportionAmongThoseWhoMayDecide() {
        ApprovalPolicy threeOfFive = new ApprovalPolicy(3, 5);
        assertEquals(3, threeOfFive.requiredAmong(5));
        assertEquals(3, threeOfFive.requiredAmong(4)); // ceil(3 × 4 / 5)
        assertEquals(2, threeOfFive.requiredAmong(3));
        assertEquals(1, threeOfFive.requiredAmong(1));
        assertEquals(2, new ApprovalPolicy(3, 3).requiredAmong(2)); // unanimity stays unanimity
        assertEquals(1, new ApprovalPolicy(1, 5).requiredAmong(2));
        assertThrows(IllegalArgumentException.class, () -> threeOfFive.requiredAmong(0));
        assertThrows(IllegalArgumentException.class, () -> new ApprovalPolicy(4, 3));
    }

    @Test
    void aRecusedMembersVoteNeverCounts() {
        CommitteeDecision d = CommitteeDecision.of(new ApprovalPolicy(3, 5), FIVE, Set.of("e"));
        assertEquals(3, d.required());
        assertFalse(d.mayVote("e"));
        assertEquals(Outcome.OPEN, d.outcome(Map.of("a", Vote.APPROVE, "b", Vote.APPROVE, "e", Vote.APPROVE)));
        assertEquals(Outcome.CARRIED, d.outcome(Map.of("a", Vote.APPROVE, "b", Vote.APPROVE, "c", Vote.APPROVE)));
    }

    @Test
    void aMotionIsRejectedOnceApprovalCanNoLongerBeReached() {
        CommitteeDecision d = CommitteeDecision.of(new ApprovalPolicy(3, 5), FIVE, Set.of());
        assertEquals(Outcome.OPEN, d.outcome(Map.of("a", Vote.REJECT, "b", Vote.REJECT)));
        assertEquals(Outcome.REJECTED, d.outcome(Map.of("a", Vote.REJECT, "b", Vote.REJECT, "c", Vote.REJECT)));
        assertThrows(IllegalArgumentException.class, () -> CommitteeDecision.of(new ApprovalPolicy(1, 1), Set.of("a"), Set.of("a")));
    }

    @Test
    void membersWithADeclaredInterestOrTheirOwnAddressAreRecused() {
        String applicant = "0x00000000000000000000000000000000000000a1";
        List<ConflictOfInterest.Member> members = List.of(
                new ConflictOfInterest.Member("ana", null, List.of("org:Acme-Labs")),
                new ConflictOfInterest.Member("ben", "0x00000000000000000000000000000000000000A1", List.of()),
                new ConflictOfInterest.Member("cy", null, List.of("0x00000000000000000000000000000000000000b2")),
                new ConflictOfInterest.Member("dee", null, List.of("org:other")));
        assertEquals(Set.of("ana", "ben", "cy"), ConflictOfInterest.recused(members, applicant,
                "0x00000000000000000000000000000000000000B2", List.of(" org:acme-labs")));
        assertEquals(Set.of("ben"), ConflictOfInterest.recused(members, applicant, applicant, List.of()));
    }

    @Test
    void reviewsScoreEveryCriterionWithinItsRangeWeighted() {
        Rubric r = new Rubric(List.of(new Rubric.Criterion("impact", "Impact", 3, 5),
                new Rubric.Criterion("feasibility", "Feasibility", 1, 5)));
        assertEquals(10_000, r.scoreBps(Map.of("impact", 5, "feasibility", 5)));
        assertEquals(8_500, r.scoreBps(Map.of("impact", 5, "feasibility", 2))); // (3×1 + 1×0.4) / 4
        assertEquals(List.of("criterion impact is scored from 0 to 5", "criterion feasibility is not scored",
                "no criterion style in this committee's rubric"), r.problems(Map.of("impact", 6, "style", 1)));
        assertEquals(List.of("criterion ids must be distinct"), new Rubric(List.of(new Rubric.Criterion("x", "X", 1, 1),
                new Rubric.Criterion("x", "Y", 1, 1))).problems());
    }
}
