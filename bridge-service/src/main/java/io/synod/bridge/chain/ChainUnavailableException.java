package io.synod.bridge.chain;

/** No endpoint of the chain could answer. */
public class ChainUnavailableException extends RuntimeException {
    public final long chainId;

    public ChainUnavailableException(long chainId, String message) {
        super(message);
        this.chainId = chainId;
    }
}
