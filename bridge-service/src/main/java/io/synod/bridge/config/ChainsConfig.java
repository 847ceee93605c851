package io.synod.bridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The chains Synod watches. Each is {@code bridge.chains[i].*}; RPC URLs may carry API keys: give them by env. */
@ConfigMapping(prefix = "bridge")
public interface ChainsConfig {

    List<Chain> chains();

    interface Chain {
        /** EIP-155 chain id; an RPC answering another id is refused. */
        long chainId();

        /** A readable name for dashboards. */
        @WithDefault("unnamed")
        String name();

        /** JSON-RPC URLs, tried in order; the next one takes over when one fails. */
        List<String> rpcUrls();

        /** {@code finalized}, {@code safe} or {@code confirmations:N}. */
        @WithDefault("finalized")
        String finality();
    }
}
