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
    public final ServiceProcess treasury;

    /**
     * One chain as bridge-service is told about it.
     *
     * @param rpcUrls    tried in order (a test may put a breakable proxy first)
     * @param wsUrl      newHeads notifications; null to poll only
     * @param spoke      the chain's SpokeVoting; null for reads only
     * @param startBlock where a fresh bridge starts scanning
     * @param vaults     the treasury vaults the relayer may pay out from
     */
    public record ChainSetup(Infra.Chain chain, List<String> rpcUrls, String wsUrl, String spoke, long startBlock,
                             List<String> vaults) {
        public static ChainSetup of(Infra.Chain chain, TestChain.Spoke spoke) {
            return new ChainSetup(chain, List.of(chain.rpcUrl()), chain.wsUrl(), spoke.address(), spoke.block(), List.of());
        }

        public ChainSetup withVaults(List<String> vaults) {
            return new ChainSetup(chain, rpcUrls, wsUrl, spoke, startBlock, vaults);
        }
    }

    /**
     * @param basePort    proposal-service listens here, voting-service at +1, bridge-service at +2, treasury-service at +3
     * @param dbSuffix    databases are synod_proposal{suffix}, synod_voting{suffix}, synod_bridge{suffix}, synod_treasury{suffix}
     * @param jwtKey      base64 X.509 public key that admin tokens are verified with
     */
    public Platform(String kafka, List<ChainSetup> chains, int basePort, String dbSuffix, String jwtKey, String jwtIssuer) {
        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
        common.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        common.put("QUARKUS_REST_CLIENT_BRIDGE_URL", "http://127.0.0.1:" + (basePort + 2));
        // the services run their prod profile here; logs stay plain text for people reading them locally
        common.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");

        Map<String, String> bridgeEnv = new HashMap<>(common);
        for (int i = 0; i < chains.size(); i++) {
            ChainSetup c = chains.get(i);
            String p = "BRIDGE_CHAINS_" + i + "__";
            bridgeEnv.put(p + "CHAIN_ID", String.valueOf(c.chain().chainId()));
            bridgeEnv.put(p + "RPC_URLS", String.join(",", c.rpcUrls()));
            bridgeEnv.put(p + "FINALITY", c.chain().finality());
            if (c.wsUrl() != null) {
                bridgeEnv.put(p + "WS_URL", c.wsUrl());
            }
            if (c.spoke() != null) {
                bridgeEnv.put(p + "SPOKE", c.spoke());
                bridgeEnv.put(p + "START_BLOCK", String.valueOf(c.startBlock()));
            }
            if (!c.vaults().isEmpty()) {
                bridgeEnv.put(p + "VAULTS", String.join(",", c.vaults()));
            }
        }
        bridgeEnv.put("QUARKUS_DATASOURCE_REACTIVE_URL", Infra.postgres("synod_bridge" + dbSuffix));
        // as from a Kubernetes Secret: the environment, never a file or a command line
        bridgeEnv.put("BRIDGE_RELAYER_PRIVATE_KEY", org.web3j.utils.Numeric.toHexStringNoPrefixZeroPadded(TestChain.RELAYER.getEcKeyPair().getPrivateKey(), 64));
        Map<String, String> votingEnv = new HashMap<>(common);
        votingEnv.put("QUARKUS_DATASOURCE_REACTIVE_URL", Infra.postgres("synod_voting" + dbSuffix));
        Map<String, String> proposalEnv = new HashMap<>(common);
        proposalEnv.put("QUARKUS_DATASOURCE_REACTIVE_URL", Infra.postgres("synod_proposal" + dbSuffix));
        proposalEnv.put("MP_JWT_VERIFY_PUBLICKEY", jwtKey);
        proposalEnv.put("SYNOD_JWT_ISSUER", jwtIssuer);

        Map<String, String> treasuryEnv = new HashMap<>(common);
        treasuryEnv.put("QUARKUS_DATASOURCE_REACTIVE_URL", Infra.postgres("synod_treasury" + dbSuffix));
        treasuryEnv.put("MP_JWT_VERIFY_PUBLICKEY", jwtKey);
        treasuryEnv.put("SYNOD_JWT_ISSUER", jwtIssuer);

        this.bridge = new ServiceProcess("bridge-service", basePort + 2, bridgeEnv);
        this.treasury = new ServiceProcess("treasury-service", basePort + 3, treasuryEnv);
        this.voting = new ServiceProcess("voting-service", basePort + 1, votingEnv);
        this.proposals = new ServiceProcess("proposal-service", basePort, proposalEnv);
    }

    public Platform start() {
        bridge.start();
        voting.start();
        proposals.start();
        treasury.start();
        return this;
    }

    @Override
    public void close() {
        treasury.close();
        proposals.close();
        voting.close();
        bridge.close();
    }
}
