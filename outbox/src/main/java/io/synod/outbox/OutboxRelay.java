package io.synod.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
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

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter,
                       @ConfigProperty(name = "quarkus.application.name") String application,
                       @ConfigProperty(name = "synod.outbox.tick", defaultValue = "PT0.05S") Duration tick) {
        this.emitter = emitter;
        this.source = "urn:synod:" + application;
        this.tick = tick;
    }

    /**
     * Polls rather than being woken by writers: a writer's transaction may commit after a wake-up run
     * looked, and an empty poll is one indexed query. Records left by a crash go out on the next tick.
     */
    void start(@Observes StartupEvent ev, Ticker ticker) {
        ticker.every(tick, "outbox relay", this::drain);
    }

    private Uni<Void> drain() {
        return Panache.withTransaction(() -> OutboxRecord.<OutboxRecord>find(
                        "from OutboxRecord order by id").withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .page(0, BATCH).list()
                .call(batch -> batch.isEmpty() ? Uni.createFrom().voidItem() : send(batch)
                        .call(() -> OutboxRecord.delete("id in ?1", batch.stream().map(r -> r.id).toList()))
        ))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("outbox relay failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
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
        return emitter.sendMessage(Message.of(r.payload).addMetadata(meta));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
