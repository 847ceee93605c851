package io.synod.bridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The chains Synod watches and the relayer that writes to them. Each chain is {@code bridge.chains[i].*};
 * RPC URLs may carry API keys and the relayer key is a secret: give them by environment, never in a file.
 */
@ConfigMapping(prefix = "bridge")
public interface ChainsConfig {

    List<Chain> chains();

    Relayer relayer();

    /** Follow chains (watchers and relayer). Off only for read-only replicas. */
    @WithDefault("true")
    boolean watch();

    interface Chain {
        /** EIP-155 chain id; an RPC answering another id is refused. */
        long chainId();

        /** A readable name for dashboards. */
        @WithDefault("unnamed")
        String name();

        /** JSON-RPC URLs, tried in order; the next one takes over when one fails. */
        List<String> rpcUrls();

        /** Optional WebSocket URL for newHeads; polling covers any gap or outage. */
        Optional<String> wsUrl();

        /** {@code finalized}, {@code safe} or {@code confirmations:N}. */
        @WithDefault("finalized")
        String finality();

        /** The SpokeVoting contract on this chain; without one the chain serves reads only. */
        Optional<String> spoke();

        /**
         * The DAOs' TreasuryVaults on this chain that the relayer may pay out from; a payout request naming
         * any other contract is refused.
         */
        Optional<List<String>> vaults();

        /** The native coin's symbol, for treasury reports. */
        @WithDefault("ETH")
        String nativeSymbol();

        /** First block to scan on a fresh start (the spoke's deployment block). */
        @WithDefault("0")
        long startBlock();

        /** How often the head is polled when no WebSocket notification arrives. */
        @WithDefault("250ms")
        Duration pollInterval();

        /** Blocks per eth_getLogs request while backfilling final blocks. */
        @WithDefault("2000")
        int logBatchBlocks();
    }

    interface Relayer {
        /** The relayer's private key (hex). From a Secret via env BRIDGE_RELAYER_PRIVATE_KEY; never logged. */
        Optional<String> privateKey();

        /** Sends tried before a relay action is reported failed. */
        @WithDefault("8")
        int maxAttempts();

        /** How long to wait for a receipt before sending again with higher fees. */
        @WithDefault("30s")
        Duration receiptTimeout();
    }
}
