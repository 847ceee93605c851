package io.synod.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub's services wired together against one Kafka, PostgreSQL and a set of chains: what the
 * end-to-end tests drive and what {@code bin/synod-up} runs for people.
 */
public final class Platform implements AutoCloseable {
    public final ServiceProcess bridge;
    public final ServiceProcess voting;
    public final ServiceProcess proposals;

    /**
     * @param basePort    proposal-service listens here, voting-service at +1, bridge-service at +2
     * @param dbSuffix    databases are synod_proposal{suffix}, synod_voting{suffix}
     * @param jwtKey      base64 X.509 public key that admin tokens are verified with
     */
    public Platform(String kafka, List<Infra.Chain> chains, int basePort, String dbSuffix, String jwtKey, String jwtIssuer) {
        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
        common.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        common.put("QUARKUS_REST_CLIENT_BRIDGE_URL", "http://127.0.0.1:" + (basePort + 2));

        Map<String, String> bridgeEnv = new HashMap<>(common);
        for (int i = 0; i < chains.size(); i++) {
            bridgeEnv.put("BRIDGE_CHAINS_" + i + "__CHAIN_ID", String.valueOf(chains.get(i).chainId()));
            bridgeEnv.put("BRIDGE_CHAINS_" + i + "__RPC_URLS", chains.get(i).rpcUrl());
        }
        Map<String, String> votingEnv = new HashMap<>(common);
        votingEnv.put("QUARKUS_DATASOURCE_REACTIVE_URL", Infra.postgres("synod_voting" + dbSuffix));
        Map<String, String> proposalEnv = new HashMap<>(common);
        proposalEnv.put("QUARKUS_DATASOURCE_REACTIVE_URL", Infra.postgres("synod_proposal" + dbSuffix));
        proposalEnv.put("MP_JWT_VERIFY_PUBLICKEY", jwtKey);
        proposalEnv.put("SYNOD_JWT_ISSUER", jwtIssuer);

        this.bridge = new ServiceProcess("bridge-service", basePort + 2, bridgeEnv);
        this.voting = new ServiceProcess("voting-service", basePort + 1, votingEnv);
        this.proposals = new ServiceProcess("proposal-service", basePort, proposalEnv);
    }

    public Platform start() {
        bridge.start();
        voting.start();
        proposals.start();
        return this;
    }

    @Override
    public void close() {
        proposals.close();
        voting.close();
        bridge.close();
    }
}
