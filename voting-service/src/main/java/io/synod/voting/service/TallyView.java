package io.synod.voting.service;

import java.time.Instant;
import java.util.List;

/**
 * A proposal's tally as clients see it. Amounts are uint256 decimals. {@code status} is
 * {@code provisional} while votes may still arrive or change, {@code final} once closed for good.
 */
public record TallyView(
        String proposalId,
        String status,
        String closedReason,
        String strategy,
        long voteStart,
        long voteEnd,
        List<ChoiceTotal> choices,
        List<ChainTotal> chains,
        String participation,
        String quorumVotes,
        String totalSupply,
        String quorum,
        boolean quorumReached,
        int approvalBps,
        int approvalThresholdBps,
        Integer winningChoice,
        boolean passed,
        long voters,
        List<Long> waitingFor,
        long version,
        Instant updatedAt) {

    public record ChoiceTotal(int index, String label, String votes) {}

    public record ChainTotal(long chainId, List<String> votes, String participation) {}

    /** Equal content, ignoring the version stamp: did anything a client can see change? */
    boolean sameContent(TallyView o) {
        return o != null && o.withStamp(0, null).equals(withStamp(0, null));
    }

    TallyView withStamp(long v, Instant at) {
        return new TallyView(proposalId, status, closedReason, strategy, voteStart, voteEnd, choices, chains,
                participation, quorumVotes, totalSupply, quorum, quorumReached, approvalBps, approvalThresholdBps,
                winningChoice, passed, voters, waitingFor, v, at);
    }
}
