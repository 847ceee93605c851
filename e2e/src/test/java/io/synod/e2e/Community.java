package io.synod.e2e;

import io.restassured.path.json.JsonPath;
import io.synod.contracts.SynodToken;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.web3j.crypto.Credentials;

/**
 * A fresh community whose token lives on two chains, so its supply (the quorum's base) is exactly known:
 * alice 4000 on A, bob 3000 on B, carol 1000 on each: 9000 in all.
 */
final class Community {
    final Environment env = Environment.INSTANCE;
    final Hub hub = env.hub;
    final SynodToken tokenA = env.chainA.deployToken("Community A");
    final SynodToken tokenB = env.chainB.deployToken("Community B");
    final Credentials alice = Hub.account();
    final Credentials bob = Hub.account();
    final Credentials carol = Hub.account();
    final String dao = "c-" + UUID.randomUUID().toString().substring(0, 8);
    final long chainA = env.chainA.chainId;
    final long chainB = env.chainB.chainId;

    Community(Map<String, Object> policyRules) {
        env.chainA.giveVotes(tokenA, alice, BigInteger.valueOf(4000));
        env.chainB.giveVotes(tokenB, bob, BigInteger.valueOf(3000));
        env.chainA.giveVotes(tokenA, carol, BigInteger.valueOf(1000));
        env.chainB.giveVotes(tokenB, carol, BigInteger.valueOf(1000));
        // live chains move on: the delegations are checkpoints in the past by the time anyone sponsors
        env.mineBothPast(java.time.Instant.now().getEpochSecond());
        Map<String, Object> strict = Hub.rules(5000, 2, 6, 6000, 6667, "for-against-abstain");
        hub.createDao(dao, List.of(
                        Map.of("chainId", chainA, "token", tokenA.getContractAddress(), "spoke", env.spokeA),
                        Map.of("chainId", chainB, "token", tokenB.getContractAddress(), "spoke", env.spokeB)),
                Map.of("policy", policyRules, "technical", policyRules, "treasury", policyRules, "constitutional", strict));
    }

    /** Default policy rules: 5000 to sponsor, 2 s delay, 6 s voting, 40 % quorum, strict majority. */
    static Map<String, Object> defaultRules() {
        return Hub.rules(5000, 2, 6, 4000, 5000, "for-against-abstain");
    }

    /** alice proposes (signing on chain A); alice and bob sponsor from their chains: 7000 ≥ 5000. */
    JsonPath pendingProposal(String title) {
        JsonPath p = hub.propose(dao, Map.of("title", title, "body", "## Why\nBecause.", "type", "policy"),
                alice, chainA, env.spokeA);
        hub.sponsor(p, alice, chainA, env.spokeA);
        return hub.sponsor(p, bob, chainB, env.spokeB);
    }

    String spoke(long chainId) {
        return chainId == chainA ? env.spokeA : env.spokeB;
    }

    void awaitActive(JsonPath p) {
        env.mineBothPast(p.getLong("voteStart"));
        Hub.await("proposal active", java.time.Duration.ofSeconds(20),
                () -> "active".equals(hub.proposal(p.getString("id")).getString("state")));
    }

    /** Waits until voting ended and proposal-service decided; returns the proposal. */
    JsonPath awaitDecided(JsonPath p) {
        String id = p.getString("id");
        Hub.await("final tally", java.time.Duration.ofSeconds(40), () -> {
            env.mineBothPast(Math.min(p.getLong("voteEnd"), java.time.Instant.now().getEpochSecond()));
            return "final".equals(hub.tally(id).getString("status"));
        });
        Hub.await("decision", java.time.Duration.ofSeconds(20), () -> {
            String s = hub.proposal(id).getString("state");
            return List.of("succeeded", "queued", "defeated").contains(s);
        });
        return hub.proposal(id);
    }

    static List<String> states(JsonPath proposal) {
        return proposal.getList("history.state");
    }
}
