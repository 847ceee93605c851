package io.synod.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.synod.contracts.SynodToken;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** Reorgs, a crashed bridge and a dead RPC node: every on-chain vote counts exactly once. */
class ReorgAndRecoveryTest {
    final Environment env = Environment.INSTANCE;

    @Test
    void aVoteDroppedByAReorgIsRetractedAndCountsOnceWhenReincluded() {
        Community c = new Community(Hub.rules(5000, 2, 20, 4000, 5000, "for-against-abstain"));
        JsonPath p = c.pendingProposal("Reorg me");
        String id = p.getString("id");
        OnChain.awaitOpen(env.chainB, env.spokeB, p);
        c.awaitActive(p);
        String signed = OnChain.signedCastVote(env.chainB, env.spokeB, c.bob, p, 0);

        env.pacer.pause(); // chain B stands still: the vote's block stays unfinal until we move on
        try {
            OnChain.broadcast(env.chainB, signed);
            Hub.await("provisional vote", Duration.ofSeconds(15),
                    () -> "3000".equals(OnChain.participation(c.hub.tally(id), c.chainB)));

            env.chainB.rpc("anvil_reorg", List.of(2, List.of())); // replaces the last two blocks: the vote is gone
            Hub.await("vote retracted", Duration.ofSeconds(15),
                    () -> "0".equals(OnChain.participation(c.hub.tally(id), c.chainB)));

            // anvil_reorg stamps the replacement blocks with the old parent's time, and the next block would follow
            // it — possibly at voteStart itself, where the spoke is not open yet (voteStart < t ≤ voteEnd). A live
            // chain's next block comes later: give it the wall clock.
            env.chainB.rpc("evm_setNextBlockTimestamp", List.of(Math.max(java.time.Instant.now().getEpochSecond(),
                    p.getLong("voteStart") + 1)));
            OnChain.broadcast(env.chainB, signed); // the same transaction, included in the new branch
            Hub.await("vote counted again", Duration.ofSeconds(15),
                    () -> "3000".equals(OnChain.participation(c.hub.tally(id), c.chainB)));
        } finally {
            env.pacer.resume();
        }
        c.awaitDecided(p);
        JsonPath t = c.hub.tally(id);
        assertEquals("3000", OnChain.participation(t, c.chainB));
        assertEquals(1, t.getInt("voters"));
        assertEquals(BigInteger.valueOf(3000), OnChain.proposalVotes(env.chainB, env.spokeB, p).get(0));
    }

    @Test
    void aBridgeKilledMidBackfillAndADeadRpcNodeLoseAndDuplicateNothing() {
        Community c = new Community(Hub.rules(5000, 2, 90, 4000, 5000, "for-against-abstain"));
        List<Credentials> voters = new ArrayList<>();
        SynodToken tokenA = c.tokenA;
        for (int i = 0; i < 12; i++) {
            Credentials v = Hub.account();
            env.chainA.giveVotes(tokenA, v, BigInteger.valueOf(100));
            voters.add(v);
        }
        env.mineBothPast(java.time.Instant.now().getEpochSecond());
        JsonPath p = c.pendingProposal("Backfill me");
        String id = p.getString("id");
        OnChain.awaitOpen(env.chainA, env.spokeA, p);
        c.awaitActive(p);

        env.platform.bridge.kill();
        env.proxyA.down(); // chain A's first RPC URL is dead from here on: the bridge must use the second
        try {
            for (Credentials v : voters) {
                OnChain.castVote(env.chainA, env.spokeA, v, p, 1);
                env.chainA.rpc("anvil_mine", List.of("0x3c", "0x0")); // 60 empty blocks between votes, the clock unmoved
            }
            // a slow backfill (2 blocks per eth_getLogs), killed once it has relayed some votes but not all
            env.platform.bridge.withEnv("BRIDGE_CHAINS_0__LOG_BATCH_BLOCKS", "2").start();
            Hub.await("backfill under way", Duration.ofSeconds(60),
                    () -> c.hub.tally(id).getLong("voters") > 0);
            long before = c.hub.tally(id).getLong("voters");
            env.platform.bridge.kill();
            System.out.printf("bridge killed with %d of %d votes relayed%n", before, voters.size());
            env.platform.bridge.withEnv("BRIDGE_CHAINS_0__LOG_BATCH_BLOCKS", null).start();

            Hub.await("every vote relayed", Duration.ofSeconds(60),
                    () -> c.hub.tally(id).getLong("voters") == voters.size());
        } finally {
            env.proxyA.up();
            if (!isUp()) {
                env.platform.bridge.withEnv("BRIDGE_CHAINS_0__LOG_BATCH_BLOCKS", null).start();
            }
        }
        Hub.await("voting over", Duration.ofSeconds(120), () -> java.time.Instant.now().getEpochSecond() > p.getLong("voteEnd"));
        c.awaitDecided(p);
        JsonPath t = c.hub.tally(id);
        assertEquals(String.valueOf(100 * voters.size()), OnChain.participation(t, c.chainA));
        assertEquals(voters.size(), t.getInt("voters"));
        assertEquals(BigInteger.valueOf(100L * voters.size()), OnChain.proposalVotes(env.chainA, env.spokeA, p).get(1));
        Map<?, ?> row = OnChain.chainRow(t, c.chainA);
        assertEquals(String.valueOf(100 * voters.size()), ((List<?>) row.get("votes")).get(1).toString());
    }

    private boolean isUp() {
        try {
            return io.restassured.RestAssured.given().get(env.platform.bridge.url() + "/q/health/ready").statusCode() == 200;
        } catch (Exception e) { // rest-assured rethrows ConnectException unchecked-style
            return false;
        }
    }
}
