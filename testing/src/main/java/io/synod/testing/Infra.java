package io.synod.testing;

import java.util.List;

/**
 * The one set of real infrastructure a test run uses: a Kafka broker, PostgreSQL and two anvil chains
 * with distinct chain ids. Ports are fixed so every module's test JVM finds and reuses the same set.
 */
public final class Infra {
    public static final int KAFKA_PORT = 19092;
    public static final Chain CHAIN_A = new Chain(31_337, 18_545);
    public static final Chain CHAIN_B = new Chain(42_161, 18_546);

    private Infra() {}

    public record Chain(long chainId, int port) {
        public String rpcUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    public static String kafka() {
        return LocalKafka.ensure(KAFKA_PORT);
    }

    public static String postgres(String database) {
        return LocalPostgres.ensure(database);
    }

    public static List<Chain> chains() {
        for (Chain c : List.of(CHAIN_A, CHAIN_B)) {
            LocalChains.ensure(c.chainId(), c.port());
        }
        return List.of(CHAIN_A, CHAIN_B);
    }
}
