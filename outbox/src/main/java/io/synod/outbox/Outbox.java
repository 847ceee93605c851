package io.synod.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

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
}
