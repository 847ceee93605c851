package io.synod.bridge.chain;

/** The chain answered, but the contract call reverted (no such token, future timepoint, …). */
public class ContractCallException extends RuntimeException {
    public final long chainId;

    public ContractCallException(long chainId, String message) {
        super(message);
        this.chainId = chainId;
    }
}
