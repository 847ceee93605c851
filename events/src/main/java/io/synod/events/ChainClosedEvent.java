package io.synod.events;

/**
 * On {@code governance.votes}, keyed by proposalId, after every vote of the proposal on that chain:
 * the chain's final block has passed voteEnd, so no vote on that chain can still appear or vanish.
 * A tally turns final once every participating chain has closed for its (possibly extended) voteEnd.
 *
 * @param proposalId         the hub's proposal id
 * @param chainId            the chain that closed
 * @param voteEnd            the voteEnd (unix seconds) the bridge closed the chain for
 * @param finalizedBlock     the final block whose timestamp passed voteEnd
 * @param finalizedTimestamp its timestamp, {@code > voteEnd}
 */
public record ChainClosedEvent(String proposalId, long chainId, long voteEnd, long finalizedBlock, long finalizedTimestamp) {}
