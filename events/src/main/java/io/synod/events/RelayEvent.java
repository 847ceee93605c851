package io.synod.events;

/**
 * What the relayer did on a chain, on {@code bridge.relays} (v1), keyed by proposalId.
 *
 * @param proposalId the hub's proposal id
 * @param chainId    the chain written to
 * @param action     {@code open}, {@code extend} or {@code cancel}
 * @param status     {@code confirmed} or {@code failed}
 * @param txHash     the transaction, when one was mined (null if the chain already had the change)
 * @param error      why it failed; null when confirmed
 * @param attempts   sends tried
 */
public record RelayEvent(String proposalId, long chainId, String action, String status, String txHash, String error,
                         int attempts) {}
