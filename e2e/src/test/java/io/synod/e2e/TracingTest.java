package io.synod.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.synod.events.Topics;
import io.synod.testing.Infra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** One trace follows an on-chain vote: the bridge's relay, the vote on Kafka, voting-service, the tally it changed. */
class TracingTest {
    final Environment env = Environment.INSTANCE;

    @Test
    void aVoteCastOnChainAndTheTallyItChangedShareOneTrace() {
        Community c = new Community(Community.defaultRules());
        JsonPath p = c.pendingProposal("Trace me");
        String id = p.getString("id");
        OnChain.awaitOpen(env.chainA, env.spokeA, p);
        c.awaitActive(p);
        OnChain.castVote(env.chainA, env.spokeA, c.alice, p, 1);
        Hub.await("vote counted", Duration.ofSeconds(20), () -> "4000".equals(OnChain.participation(c.hub.tally(id), c.chainA)));

        {
            // the vote is relayed twice, provisional then final, each in a span of the bridge's own
            List<String> voteTraces = readAll(Topics.VOTES, id).stream().filter(r -> r.value().contains("\"onchain\""))
                    .map(TracingTest::traceId).toList();
            assertTrue(!voteTraces.isEmpty() && voteTraces.stream().allMatch(java.util.Objects::nonNull),
                    "the relayed vote carries a trace: " + voteTraces);
            List<String> tallyTraces = readAll(Topics.TALLIES, id).stream().map(TracingTest::traceId).toList();
            assertTrue(tallyTraces.stream().anyMatch(voteTraces::contains),
                    "a tally update of proposal " + id + " continues one of the vote's traces " + voteTraces + ": " + tallyTraces);
        }
        assertTrue(env.otlp.exports.get() > 0, "spans were exported");
    }

    /** Every record of the topic keyed by {@code key}, from the beginning, read by a throwaway consumer group. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, String key) {
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", Infra.kafka());
        props.put("group.id", "tracing-test-" + java.util.UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        props.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        List<ConsumerRecord<String, String>> out = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props)) {
            consumer.subscribe(List.of(topic));
            long idleSince = System.nanoTime();
            while (System.nanoTime() - idleSince < 3_000_000_000L) {
                var batch = consumer.poll(Duration.ofMillis(300));
                if (!batch.isEmpty()) {
                    idleSince = System.nanoTime();
                }
                batch.forEach(r -> {
                    if (key.equals(r.key())) {
                        out.add(r);
                    }
                });
            }
        }
        return out;
    }

    private static String traceId(ConsumerRecord<String, String> r) {
        var h = r.headers().lastHeader("traceparent");
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8).split("-")[1];
    }
}
