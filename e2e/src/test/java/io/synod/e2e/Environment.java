package io.synod.e2e;

import io.synod.contracts.SynodToken;
import io.synod.testing.Infra;
import io.synod.testing.LocalPostgres;
import io.synod.testing.Platform;
import io.synod.testing.TestChain;
import io.synod.testing.TestJwt;
import java.util.List;
import java.util.Map;

/**
 * One running hub for the whole e2e run (started on first use, stopped at JVM exit): the three packaged
 * services against the run's Kafka, PostgreSQL and two anvil chains, with a governance token on each.
 */
final class Environment {
    static final int BASE_PORT = 18_081;
    static final Environment INSTANCE = new Environment();

    final Platform platform;
    final Hub hub;
    final TestChain chainA;
    final TestChain chainB;
    final SynodToken tokenA;
    final SynodToken tokenB;
    /** Spokes are the EIP-712 verifying contracts; the spoke contracts themselves come with cross-chain voting. */
    final String spokeA = "0x00000000000000000000000000000000005a0c0a";
    final String spokeB = "0x00000000000000000000000000000000005a0c0b";

    private Environment() {
        String kafka = Infra.kafka();
        List<Infra.Chain> chains = Infra.chains();
        chainA = new TestChain(Infra.CHAIN_A);
        chainB = new TestChain(Infra.CHAIN_B);
        tokenA = chainA.deployToken("Synod A");
        tokenB = chainB.deployToken("Synod B");
        LocalPostgres.recreate("synod_proposal_e2e");
        LocalPostgres.recreate("synod_voting_e2e");
        platform = new Platform(kafka, chains, BASE_PORT, "_e2e", TestJwt.publicKey(), TestJwt.ISSUER).start();
        hub = new Hub(platform.proposals.url(), platform.voting.url());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
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
