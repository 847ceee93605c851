package io.synod.events;

/**
 * A payout the treasury approved, on {@code treasury.payouts} (v1), keyed by payoutId. bridge-service pays
 * it from the DAO's vault on the target chain. The payout id is the vault's idempotency key: however often
 * this is delivered or retried, the vault pays it at most once.
 *
 * @param payoutId    bytes32 as 0x-hex: the vault's once-only key (derived from the milestone)
 * @param attempt     1 for the first request; a retry after a failure asks again with the next number
 * @param dao         the paying DAO's slug
 * @param chainId     the chain paid on
 * @param vault       the DAO's TreasuryVault on that chain
 * @param asset       {@code native} or the ERC-20 token address
 * @param recipient   who is paid
 * @param amount      base units (uint256 decimal)
 * @param grantId     the grant it pays (for tracing)
 * @param milestoneId the milestone it pays (for tracing)
 */
public record PayoutRequest(String payoutId, int attempt, String dao, long chainId, String vault, String asset,
                            String recipient, String amount, String grantId, String milestoneId) {}
