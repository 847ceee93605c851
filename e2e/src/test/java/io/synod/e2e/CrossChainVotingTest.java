package io.synod.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.synod.contracts.SynodToken;
import io.synod.testing.GovernanceSigning;
import io.synod.testing.TestChain;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * Members vote on their own chains — three of them, one with 1-second blocks, each with its own finality
 * rule — with plain spoke transactions; the hub counts what the spokes counted.
 */
class CrossChainVotingTest {
    final Environment env = Environment.INSTANCE;
    final Hub hub = env.hub;

    @Test
    void threeChainsVoteOnOneProposalAndTheHubTallyIsTheSumOfTheSpokes() throws Exception {
        Credentials alice = Hub.account();
        Credentials bob = Hub.account();
        Credentials carol = Hub.account();
        Credentials dave = Hub.account();
        SynodToken tokenA = env.chainA.deployToken("Tri A");
        SynodToken tokenB = env.chainB.deployToken("Tri B");
        SynodToken tokenC = env.chainC.deployToken("Tri C");
        env.chainA.giveVotes(tokenA, alice, BigInteger.valueOf(4000));
        env.chainB.giveVotes(tokenB, bob, BigInteger.valueOf(3000));
        env.chainC.giveVotes(tokenC, carol, BigInteger.valueOf(2000));
        env.chainC.giveVotes(tokenC, dave, BigInteger.valueOf(500));
        String dao = "tri-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> rules = Hub.rules(5000, 3, 10, 2000, 5000, "for-against-abstain");
        env.mineBothPast(Instant.now().getEpochSecond());
        hub.createDao(dao, List.of(
                Map.of("chainId", env.chainA.chainId, "token", tokenA.getContractAddress(), "spoke", env.spokeA),
                Map.of("chainId", env.chainB.chainId, "token", tokenB.getContractAddress(), "spoke", env.spokeB),
                Map.of("chainId", env.chainC.chainId, "token", tokenC.getContractAddress(), "spoke", env.spokeC)),
                Map.of("policy", rules, "technical", rules, "treasury", rules, "constitutional", rules));

        JsonPath p = hub.propose(dao, Map.of("title", "Three chains", "body", "One decision.", "type", "policy"),
                alice, env.chainA.chainId, env.spokeA);
        hub.sponsor(p, alice, env.chainA.chainId, env.spokeA);
        p = hub.sponsor(p, bob, env.chainB.chainId, env.spokeB);
        for (TestChain chain : List.of(env.chainA, env.chainB, env.chainC)) {
            OnChain.awaitOpen(chain, env.spoke(chain.chainId), p);
        }
        JsonPath proposal = p;
        long voteStart = p.getLong("voteStart");
        env.mineBothPast(voteStart);
        Hub.await("chain C past voteStart", Duration.ofSeconds(20), () -> env.chainC.latestTimestamp() > voteStart);

        OnChain.castVote(env.chainA, env.spokeA, alice, proposal, 1);
        env.chainB.spoke(env.spokeB, bob).castVoteWithReason(new BigInteger(p.getString("onchainId")), BigInteger.ZERO,
                "not this quarter").send();
        OnChain.castVote(env.chainC, env.spokeC, carol, proposal, 1);
        // gasless on chain: dave signs a Ballot, anyone submits it
        long nonce = env.chainC.spoke(env.spokeC, dave).nonces(dave.getAddress()).send().longValueExact();
        byte[] sig = org.web3j.utils.Numeric.hexStringToByteArray(GovernanceSigning.ballot(dave, env.chainC.chainId,
                env.spokeC, new BigInteger(p.getString("onchainId")), 2, nonce));
        env.chainC.spoke(env.spokeC, TestChain.DEPLOYER).castVoteBySig(new BigInteger(p.getString("onchainId")),
                BigInteger.TWO, dave.getAddress(), sig).send();

        // provisional at once, from every chain
        String id = p.getString("id");
        Hub.await("provisional tally with every chain", Duration.ofSeconds(15), () -> {
            JsonPath t = hub.tally(id);
            return "provisional".equals(t.getString("status")) && "4000".equals(OnChain.participation(t, env.chainA.chainId))
                    && "3000".equals(OnChain.participation(t, env.chainB.chainId))
                    && "2500".equals(OnChain.participation(t, env.chainC.chainId));
        });

        JsonPath decided = awaitFinal(p);
        JsonPath tally = hub.tally(id);
        assertEquals("final", tally.getString("status"));
        assertEquals(List.of(), tally.getList("waitingFor"));
        for (TestChain chain : List.of(env.chainA, env.chainB, env.chainC)) {
            List<BigInteger> spoke = OnChain.proposalVotes(chain, env.spoke(chain.chainId), p);
            List<?> hubVotes = (List<?>) OnChain.chainRow(tally, chain.chainId).get("votes");
            for (int i = 0; i < 3; i++) {
                assertEquals(spoke.get(i).toString(), hubVotes.get(i).toString(), "chain " + chain.chainId + " choice " + i);
            }
            JsonPath mark = given().get(env.platform.bridge.url() + "/chains/" + chain.chainId + "/watermark")
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(mark.getLong("finalized.timestamp") > tally.getLong("voteEnd"), "watermark of " + chain.chainId);
            assertTrue(mark.getLong("head.number") >= mark.getLong("finalized.number"));
        }
        assertTrue(List.of("succeeded", "queued").contains(decided.getString("state")), decided.getString("state"));

        // what an operator sees: per-chain relay counters, the follower of each chain, votes applied, Kafka lag
        Metrics bridge = Metrics.scrape(env.platform.bridge.url());
        for (TestChain chain : List.of(env.chainA, env.chainB, env.chainC)) {
            String c = String.valueOf(chain.chainId);
            assertTrue(bridge.value("synod_bridge_votes_relayed_total", "chain", c, "finality", "provisional") >= 1, c);
            assertTrue(bridge.value("synod_bridge_votes_relayed_total", "chain", c, "finality", "final") >= 1, c);
            assertEquals(1.0, bridge.value("synod_bridge_chain_leader", "chain", c), c);
            assertTrue(bridge.value("synod_bridge_lag_blocks", "chain", c) >= 0, c);
        }
        Metrics voting = Metrics.scrape(env.platform.voting.url());
        assertTrue(voting.value("synod_votes_applied_total", "source", "onchain", "finality", "final") >= 4);
        assertTrue(voting.has("kafka_consumer_fetch_manager_records_lag_max"), "Kafka consumer lag is exported");
        given().get(env.platform.bridge.url() + "/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem("chain RPC"));
    }

    @Test
    void aChainWhoseFinalityStallsKeepsTheTallyProvisional() {
        Credentials alice = Hub.account();
        Credentials carol = Hub.account();
        SynodToken tokenA = env.chainA.deployToken("Stall A");
        SynodToken tokenC = env.chainC.deployToken("Stall C");
        env.chainA.giveVotes(tokenA, alice, BigInteger.valueOf(6000));
        env.chainC.giveVotes(tokenC, carol, BigInteger.valueOf(1000));
        String dao = "stall-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> rules = Hub.rules(5000, 3, 6, 2000, 5000, "for-against-abstain");
        env.mineBothPast(Instant.now().getEpochSecond());
        hub.createDao(dao, List.of(
                Map.of("chainId", env.chainA.chainId, "token", tokenA.getContractAddress(), "spoke", env.spokeA),
                Map.of("chainId", env.chainC.chainId, "token", tokenC.getContractAddress(), "spoke", env.spokeC)),
                Map.of("policy", rules, "technical", rules, "treasury", rules, "constitutional", rules));
        JsonPath p = hub.propose(dao, Map.of("title", "Stalled", "body", "Waits.", "type", "policy"),
                alice, env.chainA.chainId, env.spokeA);
        p = hub.sponsor(p, alice, env.chainA.chainId, env.spokeA);
        OnChain.awaitOpen(env.chainA, env.spokeA, p);
        OnChain.awaitOpen(env.chainC, env.spokeC, p);
        long voteStart = p.getLong("voteStart");
        env.mineBothPast(voteStart);
        Hub.await("chain C past voteStart", Duration.ofSeconds(20), () -> env.chainC.latestTimestamp() > voteStart);
        OnChain.castVote(env.chainA, env.spokeA, alice, p, 1);
        OnChain.castVote(env.chainC, env.spokeC, carol, p, 0);

        env.proxyC.freezeFinality();
        try {
            String id = p.getString("id");
            long voteEnd = p.getLong("voteEnd");
            Hub.await("voteEnd well past", Duration.ofSeconds(30), () -> {
                env.mineBothPast(Math.min(voteEnd + 8, Instant.now().getEpochSecond()));
                return Instant.now().getEpochSecond() > voteEnd + 8;
            });
            JsonPath t = hub.tally(id);
            assertEquals("provisional", t.getString("status"));
            assertEquals(List.of(env.chainC.chainId), t.getList("waitingFor", Long.class));
            assertEquals("1000", OnChain.participation(t, env.chainC.chainId), "the stalled chain's votes still show");
            assertEquals("active", hub.proposal(id).getString("state"), "no decision on a provisional tally");
            // and operators see it: the stalled chain's final block ages, a tally waits for chains
            assertTrue(Metrics.scrape(env.platform.bridge.url())
                    .value("synod_bridge_final_lag_seconds", "chain", String.valueOf(env.chainC.chainId)) > 5);
            assertTrue(Metrics.scrape(env.platform.voting.url()).value("synod_tallies_open", "status", "waiting") >= 1);
        } finally {
            env.proxyC.thawFinality();
        }
        awaitFinal(p);
    }

    private JsonPath awaitFinal(JsonPath p) {
        String id = p.getString("id");
        long voteEnd = p.getLong("voteEnd");
        Hub.await("final tally", Duration.ofSeconds(60), () -> {
            env.mineBothPast(Math.min(voteEnd, Instant.now().getEpochSecond()));
            return "final".equals(hub.tally(id).getString("status"));
        });
        Hub.await("decision", Duration.ofSeconds(20), () ->
                List.of("succeeded", "queued", "defeated").contains(hub.proposal(id).getString("state")));
        return hub.proposal(id);
    }
}
