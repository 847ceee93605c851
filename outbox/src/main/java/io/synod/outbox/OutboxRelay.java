package io.synod.outbox;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.synod.events.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.time.Duration;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox records to Kafka, oldest first, and deletes them once the broker acknowledged.
 * At-least-once: a crash after the send and before the delete sends again, and every consumer is
 * idempotent. Rows are claimed under a row lock, so replicas relay one after another, never twice.
 */
@ApplicationScoped
public class OutboxRelay {
    /** The outgoing channel every service configures (smallrye-kafka, String values). */
    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final MutinyEmitter<String> emitter;
    private final String source;
    private final Duration tick;
    private final Pool pool;

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, Pool pool,
                       @ConfigProperty(name = "quarkus.application.name") String application,
                       @ConfigProperty(name = "synod.outbox.tick", defaultValue = "PT0.05S") Duration tick) {
        this.emitter = emitter;
        this.pool = pool;
        this.source = "urn:synod:" + application;
        this.tick = tick;
    }

    /**
     * Polls rather than being woken by writers: a writer's transaction may commit after a wake-up run
     * looked, and an empty poll is one indexed query. Records left by a crash go out on the next tick.
     */
    void start(@Observes StartupEvent ev, Ticker ticker) {
        ticker.every(tick, "outbox relay", this::drainAll);
    }

    /** A full batch means more may wait: keep going without waiting for the next tick (backfills, bursts). */
    private Uni<Void> drainAll() {
        return Multi.createBy().repeating().uni(this::drain).whilst(n -> n == BATCH).collect().last().replaceWithVoid();
    }

    /**
     * Claims the oldest records by deleting them (one statement), sends them in id order, and commits once
     * the broker acknowledged: a failed send rolls the delete back. @return how many went out (0 after a
     * failure: the next tick retries)
     */
    private Uni<Integer> drain() {
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM).execute(Tuple.of(BATCH))
                        .map(rows -> {
                            List<OutboxRecord> batch = new java.util.ArrayList<>(rows.size());
                            rows.forEach(row -> batch.add(record(row)));
                            batch.sort(java.util.Comparator.comparing(r -> r.id));
                            return batch;
                        })
                        .call(batch -> batch.isEmpty() ? Uni.createFrom().voidItem() : send(batch)))
                .map(List::size)
                .onFailure().invoke(e -> LOG.warnf("outbox relay failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithItem(0);
    }

    /** FOR UPDATE (not SKIP LOCKED): a second replica waits instead of overtaking, so order holds. */
    private static final String CLAIM = "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT $1 FOR UPDATE)"
            + " RETURNING id, event_id, topic, record_key, type, payload, created_at, traceparent";

    private static OutboxRecord record(Row row) {
        OutboxRecord r = new OutboxRecord();
        r.id = row.getLong("id");
        r.eventId = row.getString("event_id");
        r.topic = row.getString("topic");
        r.key = row.getString("record_key");
        r.type = row.getString("type");
        r.payload = row.getString("payload");
        r.createdAt = row.getOffsetDateTime("created_at").toInstant();
        r.traceparent = row.getString("traceparent");
        return r;
    }

    private Uni<Void> send(List<OutboxRecord> batch) {
        List<Uni<Void>> sends = batch.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(OutboxRecord r) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.H_SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION));
        headers.add(CloudEvents.H_ID, bytes(r.eventId));
        headers.add(CloudEvents.H_TYPE, bytes(r.type));
        headers.add(CloudEvents.H_SOURCE, bytes(source));
        headers.add(CloudEvents.H_SUBJECT, bytes(r.key));
        headers.add(CloudEvents.H_TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(r.createdAt)));
        headers.add(CloudEvents.H_CONTENT_TYPE, bytes(CloudEvents.CONTENT_TYPE));
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(r.topic).withKey(r.key).withHeaders(headers).build();
        if (r.traceparent != null) {
            // the writer's trace goes on with the record (W3C trace context): its consumers continue it. Set here,
            // not by the connector's tracing (off on this channel), which would start a span per record
            headers.add("traceparent", bytes(r.traceparent));
        }
        return emitter.sendMessage(Message.of(r.payload).addMetadata(meta));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
