package io.synod.events;

import java.util.List;

/**
 * The constitution's rules for one proposal, frozen when it was proposed.
 *
 * @param strategy                    counting strategy: {@code for-against-abstain}, {@code single-choice},
 *                                    {@code approval} or {@code quadratic}
 * @param choices                     the choice labels, in index order
 * @param quorumBps                   quorum in basis points of the total voting supply at voteStart
 * @param approvalBps                 approval threshold in basis points
 * @param superQuorumBps              early success once this share of the supply has voted in favour; null if none
 * @param lateQuorumExtensionSeconds  a quorum first reached this close to voteEnd moves voteEnd this far; 0 if none
 */
public record VotingRules(
        String strategy,
        List<String> choices,
        int quorumBps,
        int approvalBps,
        Integer superQuorumBps,
        long lateQuorumExtensionSeconds) {}
