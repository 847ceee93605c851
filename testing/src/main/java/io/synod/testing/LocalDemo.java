package io.synod.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.synod.contracts.SynodToken;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;

/**
 * {@code bin/synod-up}: the whole platform on this machine (Kafka, PostgreSQL, two anvil chains with the
 * token deployed, the services) and a demo DAO with a proposal open for votes. {@code vote} casts a
 * signed ballot from one of anvil's well-known dev accounts.
 */
public final class LocalDemo {
    static final Infra.Chain CHAIN_A = new Infra.Chain(31_337, 8545, "confirmations:2", List.of());
    static final Infra.Chain CHAIN_B = new Infra.Chain(42_161, 8546, "finalized", List.of("--slots-in-an-epoch", "2"));
    static final int BASE_PORT = 8081;
    /** anvil's default dev keys (mnemonic "test test … junk"): public knowledge, local chains only. */
    static final List<Credentials> DEV = List.of(
            Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
            Credentials.create("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"),
            Credentials.create("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"));
    static final Path STATE = Tools.stateDir("demo").resolve("demo.json");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("vote")) {
            vote(args);
            return;
        }
        String kafka = LocalKafka.ensure(9092);
        CHAIN_A.ensure();
        CHAIN_B.ensure();
        TestChain a = new TestChain(CHAIN_A);
        TestChain b = new TestChain(CHAIN_B);
        TestChain.Spoke spokeA = a.deploySpoke();
        TestChain.Spoke spokeB = b.deploySpoke();
        final String SPOKE_A = spokeA.address();
        final String SPOKE_B = spokeB.address();
        SynodToken tokenA = a.deployToken("Synod Demo");
        SynodToken tokenB = b.deployToken("Synod Demo");
        for (int i = 0; i < DEV.size(); i++) {
            a.giveVotes(tokenA, DEV.get(i), BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(1000L * (3 - i))));
            b.giveVotes(tokenB, DEV.get(i), BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(500L * (i + 1))));
        }
        // the DAO's treasury: a vault on each chain, holding demo dollars on A and the native coin on B
        String vaultA = a.deployVault();
        String vaultB = b.deployVault();
        SynodToken usd = a.deployToken("Demo Dollar");
        a.mint(usd, vaultA, BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(100_000)));
        b.rpc("anvil_setBalance", List.of(vaultB, "0x" + BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(50)).toString(16)));
        a.mineUntilAfter(a.latestTimestamp());
        b.mineUntilAfter(b.latestTimestamp());

        BlockPacer pacer = new BlockPacer(List.of(a, b));
        Platform platform = new Platform(kafka, List.of(Platform.ChainSetup.of(CHAIN_A, spokeA).withVaults(List.of(vaultA)),
                Platform.ChainSetup.of(CHAIN_B, spokeB).withVaults(List.of(vaultB))), BASE_PORT, "", TestJwt.publicKey(),
                TestJwt.ISSUER);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pacer.close();
            platform.close();
        }));
        platform.start();
        String hub = platform.proposals.url();
        String admin = TestJwt.token("demo-admin", "synod-admin");

        String dao = "demo-" + Long.toString(System.currentTimeMillis() % 100_000, 36);
        Map<String, Object> rules = Map.of("sponsorshipThreshold", BigInteger.TEN.pow(21).toString(), "votingDelay", 5,
                "votingPeriod", 600, "quorumBps", 2000, "approvalBps", 5000, "lateQuorumExtension", 60,
                "timelock", 30, "gracePeriod", 86_400, "countingStrategy", "for-against-abstain");
        JsonHttp.post(hub + "/daos", admin, Map.of("slug", dao, "name", "Synod Demo DAO", "guardian", DEV.get(2).getAddress(),
                "chains", List.of(Map.of("chainId", CHAIN_A.chainId(), "token", tokenA.getContractAddress(), "spoke", SPOKE_A),
                        Map.of("chainId", CHAIN_B.chainId(), "token", tokenB.getContractAddress(), "spoke", SPOKE_B)),
                "constitution", Map.of("policy", rules, "technical", rules, "treasury", rules, "constitutional", rules)));

        Map<String, Object> content = Map.of("title", "Fund the community call", "type", "policy",
                "body", "## Proposal\nHold a monthly community call, open to every token holder on every chain.");
        String hash = JsonHttp.post(hub + "/daos/" + dao + "/proposals/content-hash", null, content).get("contentHash").asText();
        Credentials author = DEV.get(0);
        long nonce = JsonHttp.get(hub + "/accounts/" + author.getAddress() + "/nonce").get("nonce").asLong();
        JsonNode proposal = JsonHttp.post(hub + "/daos/" + dao + "/proposals", null, Map.of("content", content,
                "author", author.getAddress(), "chainId", CHAIN_A.chainId(), "nonce", nonce,
                "signature", GovernanceSigning.propose(author, CHAIN_A.chainId(), SPOKE_A, dao, hash, nonce)));
        String id = proposal.get("id").asText();
        BigInteger onchainId = new BigInteger(proposal.get("onchainId").asText());
        nonce = JsonHttp.get(hub + "/accounts/" + author.getAddress() + "/nonce").get("nonce").asLong();
        JsonHttp.post(hub + "/proposals/" + id + "/sponsorships", null, Map.of("sponsor", author.getAddress(),
                "chainId", CHAIN_A.chainId(), "nonce", nonce,
                "signature", GovernanceSigning.sponsor(author, CHAIN_A.chainId(), SPOKE_A, onchainId, hash, nonce)));
        String treasury = platform.treasury.url();
        JsonHttp.post(treasury + "/daos/" + dao + "/treasuries", admin, Map.of("chainId", CHAIN_A.chainId(),
                "asset", usd.getContractAddress(), "vault", vaultA));
        JsonHttp.post(treasury + "/daos/" + dao + "/treasuries", admin, Map.of("chainId", CHAIN_B.chainId(),
                "asset", "native", "vault", vaultB));
        String committee = JsonHttp.post(treasury + "/daos/" + dao + "/committees", admin, Map.of("name", "Demo grants",
                "category", "grants", "requiredApprovals", 2, "members", List.of(
                        Map.of("subject", "ana", "interests", List.of()), Map.of("subject", "ben", "interests", List.of()),
                        Map.of("subject", "cy", "interests", List.of("org:demo-labs"))),
                "rubric", List.of(Map.of("id", "impact", "label", "Impact", "weight", 3, "max", 5),
                        Map.of("id", "feasibility", "label", "Feasibility", "weight", 1, "max", 5)))).get("id").asText();
        Files.writeString(STATE, JsonHttp.JSON.writeValueAsString(Map.of("proposalId", id, "onchainId", onchainId.toString(),
                "voting", platform.voting.url(), "spokes", Map.of(String.valueOf(CHAIN_A.chainId()), SPOKE_A,
                        String.valueOf(CHAIN_B.chainId()), SPOKE_B))));

        System.out.printf("""

                Synod is running.
                  proposal-service  %s   (OpenAPI: /q/swagger-ui)
                  voting-service    %s
                  bridge-service    %s
                  treasury-service  %s
                  Kafka %s · PostgreSQL 127.0.0.1:5432 · anvil chains %d (:%d) and %d (:%d)
                Demo DAO '%s': GET %s/daos/%s
                Proposal %s opens for votes in a few seconds:
                  bin/synod-vote for              # dev account 1 votes on chain %d
                  bin/synod-vote against 2 %d     # dev account 2 votes on chain %d
                  or on chain, with any wallet or cast:
                  cast send %s "castVote(uint256,uint8)" %s 1 --rpc-url %s --private-key %s
                  curl %s/proposals/%s/tally
                  curl -N %s/proposals/%s/tally/stream
                Treasury: vaults %s (chain %d, demo dollars %s) and %s (chain %d, native)
                  curl %s/daos/%s/treasuries            # registered, decimals read on chain
                  grants committee %s (ana, ben, cy: 2-of-3); a passed treasury proposal funds its envelopes
                Admin token (synod-admin, 1 h): %s
                Committee token for ana (grants-committee, 1 h): %s
                Ctrl-C stops the services; bin/synod-down stops Kafka and the chains.
                """, hub, platform.voting.url(), platform.bridge.url(), treasury, kafka, CHAIN_A.chainId(), CHAIN_A.port(),
                CHAIN_B.chainId(), CHAIN_B.port(), dao, hub, dao, id, CHAIN_A.chainId(), CHAIN_B.chainId(), CHAIN_B.chainId(),
                SPOKE_B, onchainId, CHAIN_B.rpcUrl(), org.web3j.utils.Numeric.toHexStringWithPrefixZeroPadded(
                        DEV.get(1).getEcKeyPair().getPrivateKey(), 64),
                platform.voting.url(), id, platform.voting.url(), id, vaultA, CHAIN_A.chainId(), usd.getContractAddress(),
                vaultB, CHAIN_B.chainId(), treasury, dao, committee, admin, TestJwt.token("ana", "grants-committee"));
        // the pacer keeps both chains producing blocks, as live ones do
        Thread.currentThread().join();
    }

    /** vote for|against|abstain [devAccount 1..3] [chainId] */
    static void vote(String[] args) throws Exception {
        JsonNode state = JsonHttp.JSON.readTree(Files.readString(STATE));
        int support = switch (args.length > 1 ? args[1] : "for") {
            case "against" -> 0;
            case "abstain" -> 2;
            default -> 1;
        };
        Credentials voter = DEV.get(args.length > 2 ? Integer.parseInt(args[2]) - 1 : 0);
        long chainId = args.length > 3 ? Long.parseLong(args[3]) : CHAIN_A.chainId();
        String spoke = state.get("spokes").get(String.valueOf(chainId)).asText();
        String voting = state.get("voting").asText();
        String id = state.get("proposalId").asText();
        long nonce = JsonHttp.get(voting + "/voters/" + voter.getAddress() + "/nonce?chainId=" + chainId).get("nonce").asLong();
        String sig = GovernanceSigning.ballot(voter, chainId, spoke, new BigInteger(state.get("onchainId").asText()), support, nonce);
        JsonNode receipt = JsonHttp.post(voting + "/proposals/" + id + "/ballots", null, Map.of("chainId", chainId,
                "voter", voter.getAddress(), "support", support, "nonce", nonce, "signature", sig));
        System.out.println(receipt.toPrettyString());
    }
}
