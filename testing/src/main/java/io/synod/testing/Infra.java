package io.synod.testing;

import java.util.List;

/**
 * The one set of real infrastructure a test run uses: a Kafka broker, PostgreSQL and three anvil chains
 * with distinct chain ids and finality rules. Ports are fixed so every module's test JVM finds and reuses
 * the same set.
 * <ul>
 *   <li>A — automine, final after 2 confirmations;</li>
 *   <li>B — automine, the chain's own {@code finalized} tag (anvil: head − 2 × slots-per-epoch = head − 4);</li>
 *   <li>C — an L3-like chain with 1-second blocks, final at its {@code safe} tag (head − 2).</li>
 * </ul>
 */
public final class Infra {
    public static final int KAFKA_PORT = 19092;
    public static final Chain CHAIN_A = new Chain(31_337, 18_545, "confirmations:2", List.of());
    public static final Chain CHAIN_B = new Chain(42_161, 18_546, "finalized", List.of("--slots-in-an-epoch", "2"));
    public static final Chain CHAIN_C = new Chain(660_279, 18_547, "safe",
            List.of("--block-time", "1", "--slots-in-an-epoch", "2"));

    private Infra() {}

    /**
     * @param finality   bridge-service's rule for it
     * @param anvilArgs  extra anvil flags
     */
    public record Chain(long chainId, int port, String finality, List<String> anvilArgs) {
        public Chain(long chainId, int port) {
            this(chainId, port, "confirmations:2", List.of());
        }

        public String rpcUrl() {
            return "http://127.0.0.1:" + port;
        }

        public String wsUrl() {
            return "ws://127.0.0.1:" + port;
        }

        /** Mines only when asked (automine): tests pace it with {@link BlockPacer}. */
        public boolean automine() {
            return !anvilArgs.contains("--block-time");
        }

        public Chain ensure() {
            LocalChains.ensure(chainId, port, anvilArgs.toArray(String[]::new));
            return this;
        }
    }

    public static String kafka() {
        return LocalKafka.ensure(KAFKA_PORT);
    }

    public static String postgres(String database) {
        return LocalPostgres.ensure(database);
    }

    /** The two automine chains: enough for everything but the cross-chain finality tests. */
    public static List<Chain> chains() {
        return List.of(CHAIN_A.ensure(), CHAIN_B.ensure());
    }

    public static List<Chain> allChains() {
        return List.of(CHAIN_A.ensure(), CHAIN_B.ensure(), CHAIN_C.ensure());
    }
}
