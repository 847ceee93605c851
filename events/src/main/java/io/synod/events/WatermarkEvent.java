package io.synod.events;

/**
 * How far bridge-service has followed one chain, on {@code bridge.watermarks} (v1), keyed by chainId.
 * Every vote at or below {@code finalized} has been relayed as final before this is published.
 *
 * @param chainId   EIP-155 chain id
 * @param finality  the chain's finality rule: {@code finalized}, {@code safe} or {@code confirmations:N}
 * @param head      the latest block followed
 * @param safe      the chain's {@code safe} block (the final one where the chain has no such tag)
 * @param finalized the newest block that is final by the chain's rule
 * @param observedAt unix milliseconds when the bridge saw it
 */
public record WatermarkEvent(long chainId, String finality, Mark head, Mark safe, Mark finalized, long observedAt) {
    /** A block: number, hash and timestamp (unix seconds). */
    public record Mark(long number, String hash, long timestamp) {}
}
