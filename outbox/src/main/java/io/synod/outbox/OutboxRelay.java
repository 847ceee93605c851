package io.synod.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synod.events.CloudEvents;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox records to Kafka, oldest first, and deletes them once the broker acknowledged.
 * At-least-once: a crash after the send and before the delete sends again, and every consumer is
 * idempotent. Rows are claimed under a row lock, so replicas relay one after another, never twice.
 *
 * <p>It owns a plain Kafka producer (idempotent, acks=all) configured from the application's {@code kafka.*}
 * settings, not a messaging channel: a batch needs only "all acknowledged or not", and the per-message
 * acknowledgement machinery of a channel cost more CPU than the sends themselves in backfills
 * (docs/BENCHMARKS.md).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Records per claim: each costs a round of claim, send, acknowledgement and commit, mostly waiting. */
    private static final int BATCH = 1_000;

    private final Map<String, Object> kafka;
    private final Instance<MeterRegistry> metrics;
    private final String application;
    private final String source;
    private final Duration tick;
    private final Pool pool;
    private volatile Producer<String, String> producer;
    private KafkaClientMetrics producerMetrics;
    private volatile Runnable now;

    public OutboxRelay(@Identifier("default-kafka-broker") Map<String, Object> kafka, Instance<MeterRegistry> metrics,
                       Pool pool, @ConfigProperty(name = "quarkus.application.name") String application,
                       @ConfigProperty(name = "synod.outbox.tick", defaultValue = "PT0.05S") Duration tick) {
        this.kafka = kafka;
        this.metrics = metrics;
        this.pool = pool;
        this.application = application;
        this.source = "urn:synod:" + application;
        this.tick = tick;
    }

    /**
     * Polls rather than being woken by writers: a writer's transaction may commit after a wake-up run
     * looked, and an empty poll is one indexed query. Records left by a crash go out on the next tick.
     */
    void start(@Observes StartupEvent ev, Ticker ticker) {
        producer = new KafkaProducer<>(producerConfig(kafka, application), new StringSerializer(), new StringSerializer());
        if (metrics.isResolvable()) {
            producerMetrics = new KafkaClientMetrics(producer);
            producerMetrics.bindTo(metrics.get());
        }
        now = ticker.every(tick, "outbox relay", this::drainAll);
    }

    /**
     * Relay now rather than at the next tick: for a writer on a latency-sensitive path, once its transaction
     * committed (waking before the commit could find nothing; the tick remains the safety net).
     */
    public void wake() {
        Runnable r = now;
        if (r != null) {
            r.run();
        }
    }

    /** After the ticker stopped (ShutdownEvent observers of lower priority run later): unsent records stay in the table. */
    void stop(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent ev) {
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** The application's Kafka settings (bootstrap servers, security), with what the relay's guarantees need. */
    static Map<String, Object> producerConfig(Map<String, Object> kafka, String application) {
        Map<String, Object> c = new HashMap<>();
        kafka.forEach((k, v) -> {
            // only client settings: the map also carries Quarkus' own kafka.* keys (dev services, health)
            if (ProducerConfig.configNames().contains(k) || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                c.put(k, v);
            }
        });
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        c.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        c.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        return c;
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
                            List<OutboxRecord> batch = new ArrayList<>(rows.size());
                            rows.forEach(row -> batch.add(record(row)));
                            batch.sort(Comparator.comparing(r -> r.id));
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

    /** Sends the batch in order; completes when the broker acknowledged every record, fails on the first refusal. */
    private Uni<Void> send(List<OutboxRecord> batch) {
        return Uni.createFrom().emitter(done -> {
            AtomicInteger pending = new AtomicInteger(batch.size());
            try {
                for (OutboxRecord r : batch) {
                    producer.send(record(r), (meta, e) -> {
                        if (e != null) {
                            done.fail(e); // later completions are ignored: the batch is sent again
                        } else if (pending.decrementAndGet() == 0) {
                            done.complete(null);
                        }
                    });
                }
            } catch (RuntimeException e) {
                done.fail(e);
            }
        });
    }

    private ProducerRecord<String, String> record(OutboxRecord r) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.H_SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION));
        headers.add(CloudEvents.H_ID, bytes(r.eventId));
        headers.add(CloudEvents.H_TYPE, bytes(r.type));
        headers.add(CloudEvents.H_SOURCE, bytes(source));
        headers.add(CloudEvents.H_SUBJECT, bytes(r.key));
        headers.add(CloudEvents.H_TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(r.createdAt)));
        headers.add(CloudEvents.H_CONTENT_TYPE, bytes(CloudEvents.CONTENT_TYPE));
        if (r.traceparent != null) {
            // the writer's trace goes on with the record (W3C trace context): its consumers continue it
            headers.add("traceparent", bytes(r.traceparent));
        }
        return new ProducerRecord<>(r.topic, null, r.key, r.payload, headers);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
