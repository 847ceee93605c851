package io.synod.events;

/**
 * What happened to a payout on chain, on {@code bridge.receipts} (v1), keyed by payoutId. {@code paid}
 * is reported once the paying transaction's block is final by the chain's rule; {@code failed} once the
 * bridge gave up on an attempt (the treasury may ask again: the vault still pays at most once).
 *
 * @param payoutId    bytes32 as 0x-hex
 * @param attempt     the request attempt this answers
 * @param chainId     the chain
 * @param status      {@code paid} or {@code failed}
 * @param txHash      the paying transaction (paid), or the last one tried (failed; may be null)
 * @param blockNumber the paying block (paid); 0 otherwise
 * @param blockHash   the paying block's hash (paid)
 * @param error       why it failed; null when paid
 */
public record PayoutReceipt(String payoutId, int attempt, long chainId, String status, String txHash, long blockNumber,
                            String blockHash, String error) {
    public static final String PAID = "paid";
    public static final String FAILED = "failed";
}
