package io.synod.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.synod.events.CloudEvents;
import io.synod.events.Topics;
import io.synod.testing.Infra;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** What a ballot must be to count, against one active proposal with a long voting period. */
class BallotRulesTest {
    static Community c;
    static JsonPath p;
    static String id;
    static BigInteger onchainId;

    @BeforeAll
    static void activeProposal() {
        c = new Community(Hub.rules(5000, 2, 120, 4000, 5000, "for-against-abstain"));
        p = c.pendingProposal("Ballot rules");
        c.awaitActive(p);
        id = p.getString("id");
        onchainId = new BigInteger(p.getString("onchainId"));
    }

    static String problemType(io.restassured.response.Response r) {
        return r.then().contentType("application/problem+json").extract().jsonPath().getString("type");
    }

    @Test
    void tokensBoughtOrDelegatedAfterVoteStartGiveNoWeight() {
        Credentials latecomer = Hub.account();
        c.env.chainA.giveVotes(c.tokenA, latecomer, BigInteger.valueOf(50_000)); // minted and delegated after voteStart
        c.env.mineBothPast(java.time.Instant.now().getEpochSecond());
        var r = c.hub.castBallot(id, Hub.ballot(latecomer, onchainId, c.chainA, c.spoke(c.chainA), c.chainA, 1, 0));
        r.then().statusCode(422);
        assertEquals("https://synod.dev/problems/no-voting-power", problemType(r));

        // carol moves her chain-A tokens away after voteStart: her weight there stays what it was at voteStart
        Credentials receiver = Hub.account();
        c.env.chainA.fund(c.carol.getAddress());
        c.env.chainA.transfer(c.tokenA, c.carol, receiver.getAddress(), BigInteger.valueOf(1000));
        c.env.chainA.delegate(c.tokenA, receiver, receiver.getAddress());
        c.env.mineBothPast(java.time.Instant.now().getEpochSecond());
        assertEquals("1000", c.hub.vote(p, c.carol, c.chainA, c.spoke(c.chainA), 1).getString("weight"));
        c.hub.castBallot(id, Hub.ballot(receiver, onchainId, c.chainA, c.spoke(c.chainA), c.chainA, 1, 0))
                .then().statusCode(422);
    }

    @Test
    void forgedReplayedAndMisdirectedBallotsAreRefused() {
        long nonce = c.hub.ballotNonce(c.alice, c.chainA);
        Map<String, Object> good = Hub.ballot(c.alice, onchainId, c.chainA, c.spoke(c.chainA), c.chainA, 1, nonce);

        // signed for chain B's domain, sent as a chain-A ballot
        var otherChain = c.hub.castBallot(id, Hub.ballot(c.alice, onchainId, c.chainB, c.spoke(c.chainB), c.chainA, 1, nonce));
        otherChain.then().statusCode(422);
        assertEquals("https://synod.dev/problems/invalid-signature", problemType(otherChain));
        // signed for another proposal
        var otherProposal = c.hub.castBallot(id, Hub.ballot(c.alice, onchainId.add(BigInteger.ONE), c.chainA,
                c.spoke(c.chainA), c.chainA, 1, nonce));
        assertEquals("https://synod.dev/problems/invalid-signature", problemType(otherProposal));
        // a nonce ahead of the voter's
        var ahead = c.hub.castBallot(id, Hub.ballot(c.alice, onchainId, c.chainA, c.spoke(c.chainA), c.chainA, 1, nonce + 5));
        ahead.then().statusCode(409);
        assertEquals("https://synod.dev/problems/stale-nonce", problemType(ahead));
        // a signature by someone else in the voter's name
        Map<String, Object> forged = new HashMap<>(Hub.ballot(Hub.account(), onchainId, c.chainA, c.spoke(c.chainA), c.chainA, 1, nonce));
        forged.put("voter", c.alice.getAddress());
        assertEquals("https://synod.dev/problems/invalid-signature", problemType(c.hub.castBallot(id, forged)));
        // garbage signature bytes
        Map<String, Object> garbage = new HashMap<>(good);
        garbage.put("signature", "0x" + "ab".repeat(65));
        c.hub.castBallot(id, garbage).then().statusCode(422);
        // a choice a for/against/abstain proposal does not have
        c.hub.castBallot(id, Hub.ballot(c.alice, onchainId, c.chainA, c.spoke(c.chainA), c.chainA, 7, nonce))
                .then().statusCode(422).body("type", equalTo("https://synod.dev/problems/invalid-choice"));

        c.hub.castBallot(id, good).then().statusCode(201).body("weight", equalTo("4000"));
        // the same ballot again: its nonce is spent
        var replay = c.hub.castBallot(id, good);
        replay.then().statusCode(409);
        assertEquals("https://synod.dev/problems/stale-nonce", problemType(replay));
        // a fresh ballot from a voter already counted on this chain: the first vote stands
        long next = c.hub.ballotNonce(c.alice, c.chainA);
        var second = c.hub.castBallot(id, Hub.ballot(c.alice, onchainId, c.chainA, c.spoke(c.chainA), c.chainA, 0, next));
        second.then().statusCode(409);
        assertEquals("https://synod.dev/problems/already-voted", problemType(second));
    }

    @Test
    void malformedOversizedAndUnknownAreClearClientErrors() {
        given().contentType(ContentType.JSON).body("{\"chainId\": \"x\"").post(c.hub.voting + "/proposals/" + id + "/ballots")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("chainId", -1)).post(c.hub.voting + "/proposals/" + id + "/ballots")
                .then().statusCode(400).body("type", equalTo("https://synod.dev/problems/validation"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"" + "x".repeat(40_000) + "\"}")
                .post(c.hub.voting + "/proposals/" + id + "/ballots")
                .then().statusCode(413).body("type", equalTo("https://synod.dev/problems/body-too-large"));
        c.hub.castBallot(UUID.randomUUID().toString(), Hub.ballot(c.alice, onchainId, c.chainA, c.spoke(c.chainA), c.chainA, 1, 0))
                .then().statusCode(404).body("type", equalTo("https://synod.dev/problems/proposal-not-found"));
        given().get(c.hub.voting + "/proposals/not-a-uuid/tally").then().statusCode(404);
        given().get(c.hub.proposals + "/daos/no-such-dao").then().statusCode(404)
                .body("type", equalTo("https://synod.dev/problems/dao-not-found"));
        given().contentType(ContentType.JSON).body("[]").post(c.hub.proposals + "/daos/" + c.dao + "/proposals")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRelayedVoteDeliveredTwiceCountsOnceAndBlocksASignedBallot() {
        String voteKey = c.chainB + ":0x" + "11".repeat(32) + ":3:0x" + "22".repeat(32);
        String payload = "{\"voteKey\":\"" + voteKey + "\",\"proposalId\":\"" + id + "\",\"chainId\":" + c.chainB
                + ",\"voter\":\"" + c.bob.getAddress() + "\",\"support\":1,\"choices\":[],\"weight\":\"3000\","
                + "\"source\":\"onchain\",\"finality\":\"final\",\"reason\":null,\"block\":{\"number\":7,\"hash\":\"0x"
                + "22".repeat(32) + "\",\"txHash\":\"0x" + "11".repeat(32) + "\",\"logIndex\":3,\"timestamp\":1}}";
        try (KafkaCompanion kafka = new KafkaCompanion(Infra.kafka())) {
            for (int i = 0; i < 2; i++) {
                ProducerRecord<String, String> r = new ProducerRecord<>(Topics.VOTES, id, payload);
                r.headers().add(CloudEvents.H_SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
                r.headers().add(CloudEvents.H_ID, ("relay-" + voteKey).getBytes(StandardCharsets.UTF_8));
                r.headers().add(CloudEvents.H_TYPE, CloudEvents.VOTE_CAST.getBytes(StandardCharsets.UTF_8));
                r.headers().add(CloudEvents.H_SOURCE, "urn:synod:test-relayer".getBytes(StandardCharsets.UTF_8));
                kafka.produceStrings().fromRecords(r).awaitCompletion(Duration.ofSeconds(10));
            }
        }
        Hub.await("relayed vote counted", Duration.ofSeconds(15), () -> c.hub.tally(id).getList("chains")
                .stream().anyMatch(ch -> ((Map<?, ?>) ch).get("chainId").toString().equals(String.valueOf(c.chainB))
                        && "3000".equals(((Map<?, ?>) ch).get("participation"))));
        given().queryParam("size", 500).get(c.hub.voting + "/proposals/" + id + "/ballots").then().statusCode(200)
                .body("items.findAll { it.voter == '" + c.bob.getAddress() + "' }.size()", equalTo(1));
        var signed = c.hub.castBallot(id, Hub.ballot(c.bob, onchainId, c.chainB, c.spoke(c.chainB), c.chainB, 0,
                c.hub.ballotNonce(c.bob, c.chainB)));
        signed.then().statusCode(409).body("type", equalTo("https://synod.dev/problems/already-voted"));
    }

    @Test
    void theTallyStreamPushesEveryChange() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var lines = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(c.hub.voting + "/proposals/" + id
                + "/tally/stream")).build(), java.net.http.HttpResponse.BodyHandlers.ofLines()).body().iterator();
        java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            while (lines.hasNext()) {
                String l = lines.next();
                if (l.startsWith("data:")) {
                    events.add(l.substring(5));
                }
            }
        });
        try {
            JsonPath first = new JsonPath(events.poll(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals("provisional", first.getString("status"));
            Credentials voter = c.carol;
            c.hub.vote(p, voter, c.chainB, c.spoke(c.chainB), 2);
            // the next event carries carol's abstention on chain B
            Hub.await("a pushed tally with carol's vote", Duration.ofSeconds(10), () -> {
                String e = events.poll();
                return e != null && new JsonPath(e).getLong("version") > first.getLong("version")
                        && "1000".equals(new JsonPath(e).getString("choices[2].votes"));
            });
        } finally {
            reader.interrupt();
        }
    }
}
