package io.synod.events;

import java.util.List;
import java.util.Map;

/**
 * A proposal's tally on {@code governance.tallies} (v1). Amounts are uint256 decimals.
 *
 * @param proposalId     the hub's proposal id
 * @param status         {@code provisional} or {@code final}
 * @param closedReason   why a final tally closed: {@code deadline} or {@code super-quorum}; null while provisional
 * @param voteEnd        the (possibly extended) end of voting, unix seconds
 * @param choices        counted weight per choice label (quadratic: per-person square-root credits)
 * @param participation  token weight that took part (counts towards quorum)
 * @param totalSupply    total voting supply at voteStart across the participating chains
 * @param quorum         participation needed
 * @param quorumReached  participation ≥ quorum
 * @param approvalBps    the leading choice's approval in basis points (for/(for+against) for FAA)
 * @param winningChoice  index of the leading choice; null on a tie or with no votes
 * @param passed         quorum reached and approval threshold strictly exceeded, per the frozen rules
 * @param voters         distinct voters counted
 * @param waitingFor     chains whose finality the tally still waits for
 * @param version        increases with every change; consumers keep the highest
 */
public record TallyEvent(
        String proposalId,
        String status,
        String closedReason,
        long voteEnd,
        Map<String, String> choices,
        String participation,
        String totalSupply,
        String quorum,
        boolean quorumReached,
        int approvalBps,
        Integer winningChoice,
        boolean passed,
        long voters,
        List<Long> waitingFor,
        long version) {}
