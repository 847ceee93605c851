package io.synod.events;

/**
 * One chain a DAO governs from.
 *
 * @param chainId EIP-155 chain id
 * @param token   the governance token (ERC20Votes, timestamp clock) on that chain
 * @param spoke   the DAO's voting contract on that chain: the EIP-712 verifying contract of its ballots
 */
public record ChainRef(long chainId, String token, String spoke) {}
