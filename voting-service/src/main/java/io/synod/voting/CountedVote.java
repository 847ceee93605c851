package io.synod.voting;

import java.math.BigInteger;
import java.util.List;

/** One voter's vote on one chain, as it counts: at most one per proposal, chain and voter. */
public record CountedVote(String voter, long chainId, Integer support, List<Integer> approved, BigInteger weight) {

    /** The choices this vote gives weight to. */
    public List<Integer> selected() {
        return support != null ? List.of(support) : approved;
    }
}
