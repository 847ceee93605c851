package io.synod.events;

import java.util.List;

/**
 * A vote on {@code governance.votes} (v1), keyed by proposalId. {@code cast} asks for it to be counted,
 * {@code retracted} (a reorg removed its block) to undo it. Consumers count one vote per voter per
 * proposal per chain: redelivery and a second path for the same vote change nothing.
 *
 * @param voteKey     stable identity: {@code chainId:txHash:logIndex:blockHash} for on-chain votes,
 *                    {@code chainId:signature} for signed ballots
 * @param proposalId  the hub's proposal id (UUID)
 * @param chainId     the chain the vote was cast on (or signed for)
 * @param voter       0x address, lower case
 * @param support     the choice index (for/against/abstain: 1/0/2, as in OpenZeppelin Governor); null for approval
 * @param choices     approved choice indexes (approval strategy); empty otherwise
 * @param weight      the voter's votes at voteStart on that chain, uint256 as decimal; empty to let the
 *                    consumer read it (signed ballots carry it already)
 * @param source      {@code onchain} or {@code signed}
 * @param finality    {@code provisional} or {@code final}
 * @param reason      optional free text
 * @param block       on-chain coordinates; null for signed ballots
 */
public record VoteEvent(
        String voteKey,
        String proposalId,
        long chainId,
        String voter,
        Integer support,
        List<Integer> choices,
        String weight,
        String source,
        String finality,
        String reason,
        BlockRef block) {

    /** Where an on-chain vote was seen. */
    public record BlockRef(long number, String hash, String txHash, long logIndex, long timestamp) {}
}
