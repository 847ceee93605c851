package io.synod.e2e;

import io.synod.contracts.SynodToken;
import io.synod.testing.BlockPacer;
import io.synod.testing.Infra;
import io.synod.testing.RpcProxy;
import io.synod.testing.LocalPostgres;
import io.synod.testing.Platform;
import io.synod.testing.TestChain;
import io.synod.testing.TestJwt;
import java.util.List;
import java.util.Map;

/**
 * One running hub for the whole e2e run (started on first use, stopped at JVM exit): the three packaged
 * services against the run's Kafka, PostgreSQL and three anvil chains, each with its spoke, and a governance token on A and B.
 */
final class Environment {
    static final int BASE_PORT = 18_081;
    static final Environment INSTANCE = new Environment();

    final Platform platform;
    final Hub hub;
    final String treasury;
    static final int VAULTS_PER_CHAIN = 6;
    final TestChain chainA;
    final TestChain chainB;
    /** The L3-like chain with 1-second blocks. */
    final TestChain chainC;
    final SynodToken tokenA;
    final SynodToken tokenB;
    /** Each chain's SpokeVoting: where members vote on chain, and the EIP-712 verifying contract of ballots. */
    final String spokeA;
    final String spokeB;
    final String spokeC;
    /** bridge-service reaches chain A through this first (then directly) and chain C only through its own. */
    final RpcProxy proxyA;
    final RpcProxy proxyC;
    final BlockPacer pacer;
    final OtlpSink otlp = new OtlpSink(18_604);
    /** TreasuryVaults on A and B that bridge-service may pay from; each treasury test DAO takes its own. */
    private final java.util.Deque<String> vaultsA = new java.util.ArrayDeque<>();
    private final java.util.Deque<String> vaultsB = new java.util.ArrayDeque<>();

    private Environment() {
        String kafka = Infra.kafka();
        Infra.allChains();
        chainA = new TestChain(Infra.CHAIN_A);
        chainB = new TestChain(Infra.CHAIN_B);
        chainC = new TestChain(Infra.CHAIN_C);
        TestChain.Spoke a = chainA.deploySpoke();
        TestChain.Spoke b = chainB.deploySpoke();
        TestChain.Spoke c = chainC.deploySpoke();
        spokeA = a.address();
        spokeB = b.address();
        spokeC = c.address();
        tokenA = chainA.deployToken("Synod A");
        tokenB = chainB.deployToken("Synod B");
        proxyA = new RpcProxy(Infra.CHAIN_A.rpcUrl(), 18_601);
        proxyC = new RpcProxy(Infra.CHAIN_C.rpcUrl(), 18_602);
        pacer = new BlockPacer(List.of(chainA, chainB));
        LocalPostgres.recreate("synod_proposal_e2e");
        LocalPostgres.recreate("synod_voting_e2e");
        LocalPostgres.recreate("synod_bridge_e2e");
        LocalPostgres.recreate("synod_treasury_e2e");
        for (int i = 0; i < VAULTS_PER_CHAIN; i++) {
            vaultsA.add(chainA.deployVault());
            vaultsB.add(chainB.deployVault());
        }
        List<Platform.ChainSetup> chains = List.of(
                new Platform.ChainSetup(Infra.CHAIN_A, List.of(proxyA.url(), Infra.CHAIN_A.rpcUrl()), Infra.CHAIN_A.wsUrl(),
                        spokeA, a.block(), List.copyOf(vaultsA)),
                Platform.ChainSetup.of(Infra.CHAIN_B, b).withVaults(List.copyOf(vaultsB)),
                new Platform.ChainSetup(Infra.CHAIN_C, List.of(proxyC.url()), null, spokeC, c.block(), List.of()));
        platform = new Platform(kafka, chains, BASE_PORT, "_e2e", TestJwt.publicKey(), TestJwt.ISSUER);
        // a payout the vault cannot cover is given up after three sends here, not eight: tests wait less
        platform.bridge.withEnv("BRIDGE_RELAYER_MAX_ATTEMPTS", "3");
        platform.treasury.withEnv("TREASURY_METRICS_REFRESH", "1s");
        // traced as in production: spans exported over OTLP (to a sink here), trace context carried through Kafka
        for (var s : List.of(platform.bridge, platform.voting, platform.proposals, platform.treasury)) {
            s.withEnv("QUARKUS_OTEL_SDK_DISABLED", "false").withEnv("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                    .withEnv("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", otlp.url());
        }
        platform.start();
        hub = new Hub(platform.proposals.url(), platform.voting.url());
        treasury = platform.treasury.url();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pacer.close();
            platform.close();
        }));
    }

    /** A vault of its own for a test DAO's treasury on chain A or B. */
    synchronized String takeVault(long chainId) {
        java.util.Deque<String> pool = chainId == chainA.chainId ? vaultsA : vaultsB;
        if (pool.isEmpty()) {
            throw new IllegalStateException("no vault left on chain " + chainId + ": raise VAULTS_PER_CHAIN");
        }
        return pool.pop();
    }

    String spoke(long chainId) {
        return chainId == chainA.chainId ? spokeA : chainId == chainB.chainId ? spokeB : spokeC;
    }

    List<Map<String, Object>> daoChains() {
        return List.of(
                Map.of("chainId", chainA.chainId, "token", tokenA.getContractAddress(), "spoke", spokeA),
                Map.of("chainId", chainB.chainId, "token", tokenB.getContractAddress(), "spoke", spokeB));
    }


    /** Both chains' clocks past {@code unixSeconds}, as live chains would be. */
    void mineBothPast(long unixSeconds) {
        chainA.mineUntilAfter(unixSeconds);
        chainB.mineUntilAfter(unixSeconds);
    }
}
