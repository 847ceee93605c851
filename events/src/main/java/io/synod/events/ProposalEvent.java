package io.synod.events;

import java.util.List;

/**
 * A proposal's state change on {@code governance.proposals} (v1). The CloudEvent type names the
 * transition; the payload always carries what a consumer needs to act without calling back.
 *
 * @param proposalId  the hub's id (a UUID)
 * @param onchainId   the same id as a uint256 decimal: what ballots and spoke contracts carry
 * @param dao         the DAO's slug
 * @param type        proposal type (policy, technical, treasury, constitutional)
 * @param state       the state entered
 * @param voteStart   unix seconds; 0 until the proposal is Pending
 * @param voteEnd     unix seconds; 0 until the proposal is Pending
 * @param chains      the participating chains
 * @param rules       the voting rules frozen at proposal time
 * @param contentHash keccak256 of the proposal's content, 0x-hex
 * @param occurredAt  unix milliseconds of the transition
 * @param parentDao   the DAO's parent if it is a sub-DAO; null otherwise (added in v1, absent from older records)
 * @param allocations a treasury proposal's budget allocations; empty for other types (added in v1, absent
 *                    from older records)
 */
public record ProposalEvent(
        String proposalId,
        String onchainId,
        String dao,
        String type,
        String state,
        long voteStart,
        long voteEnd,
        List<ChainRef> chains,
        VotingRules rules,
        String contentHash,
        long occurredAt,
        String parentDao,
        List<Allocation> allocations) {

    public List<Allocation> allocations() {
        return allocations == null ? List.of() : allocations;
    }
}
