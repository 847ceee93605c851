package io.synod.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Adds a fact to the outbox in the caller's transaction: it is sent if and only if the state change
 * commits, even if the process dies between the commit and the send.
 */
@ApplicationScoped
public class Outbox {
    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /** Must run inside a reactive transaction ({@code @WithTransaction} on the use case). */
    public Uni<Void> add(String topic, String key, String type, Object payload) {
        OutboxRecord r = new OutboxRecord();
        r.eventId = UUID.randomUUID().toString();
        r.topic = topic;
        r.key = key;
        r.type = type;
        r.createdAt = Instant.now();
        try {
            r.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return r.persist().replaceWithVoid();
    }

    /** Rows per INSERT: 6 parameters each, well under PostgreSQL's 65,535 per statement. */
    private static final int ROWS_PER_INSERT = 1000;

    /**
     * Many facts of one type at once, in list order, in the caller's transaction: one multi-row INSERT per
     * thousand instead of one round trip each (a backfill publishes tens of thousands of votes).
     */
    public <T> Uni<Void> addAll(String topic, String type, List<T> payloads, Function<T, String> key) {
        if (payloads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.size(); i += ROWS_PER_INSERT) {
            chunks.add(payloads.subList(i, Math.min(payloads.size(), i + ROWS_PER_INSERT)));
        }
        return Multi.createFrom().iterable(chunks).onItem().transformToUniAndConcatenate(c -> insert(topic, type, c, key))
                .collect().last().replaceWithVoid();
    }

    private <T> Uni<Integer> insert(String topic, String type, List<T> chunk, Function<T, String> key) {
        StringBuilder sql = new StringBuilder("INSERT INTO outbox (event_id, topic, record_key, type, payload, created_at) VALUES ");
        for (int i = 0; i < chunk.size(); i++) {
            int p = i * 6;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3)
                    .append(", ?").append(p + 4).append(", ?").append(p + 5).append(", ?").append(p + 6).append(')');
        }
        Instant now = Instant.now();
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 6;
                String payload;
                try {
                    payload = json.writeValueAsString(chunk.get(i));
                } catch (JsonProcessingException e) {
                    return Uni.createFrom().failure(e);
                }
                q.setParameter(p + 1, UUID.randomUUID().toString()).setParameter(p + 2, topic)
                        .setParameter(p + 3, key.apply(chunk.get(i))).setParameter(p + 4, type)
                        .setParameter(p + 5, payload).setParameter(p + 6, now);
            }
            return q.executeUpdate();
        });
    }
}
