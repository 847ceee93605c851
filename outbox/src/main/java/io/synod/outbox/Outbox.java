package io.synod.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Adds a fact to the outbox in the caller's transaction: it is sent if and only if the state change
 * commits, even if the process dies between the commit and the send.
 */
@ApplicationScoped
public class Outbox {
    static final String INSERT = "INSERT INTO outbox (event_id, topic, record_key, type, payload, created_at, traceparent)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7)";
    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /** Must run inside a reactive transaction ({@code @WithTransaction} on the use case). */
    public Uni<Void> add(String topic, String key, String type, Object payload) {
        return add(topic, key, type, payload, TraceContext.current());
    }

    /** As {@link #add(String, String, String, Object)}, continuing the trace {@code traceparent} names (may be null). */
    public Uni<Void> add(String topic, String key, String type, Object payload, String traceparent) {
        OutboxRecord r = new OutboxRecord();
        r.eventId = UUID.randomUUID().toString();
        r.topic = topic;
        r.key = key;
        r.type = type;
        r.createdAt = Instant.now();
        r.traceparent = traceparent;
        try {
            r.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return r.persist().replaceWithVoid();
    }

    /**
     * Many facts of one type, in list order, on a plain SQL connection inside the caller's transaction: one
     * pipelined batch of prepared inserts. For hot paths (a backfill publishes tens of thousands of votes),
     * where an ORM statement per row — or one with thousands of parameters — costs more than the work itself.
     * {@code traceparent}: the trace the facts continue (null if none).
     */
    public <T> Uni<Void> addAll(SqlConnection tx, String topic, String type, List<T> payloads, Function<T, String> key,
                                String traceparent) {
        if (payloads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Tuple> rows = new ArrayList<>(payloads.size());
        for (T p : payloads) {
            try {
                rows.add(Tuple.from(java.util.Arrays.asList(UUID.randomUUID().toString(), topic, key.apply(p), type,
                        json.writeValueAsString(p), now, traceparent)));
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return tx.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }
}
