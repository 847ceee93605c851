package io.synod.treasury.service;

import io.smallrye.mutiny.Uni;
import io.synod.treasury.repository.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Who did what, written in the caller's transaction: a change and its audit record commit together. */
@ApplicationScoped
public class AuditLog {
    private final Json json;

    public AuditLog(Json json) {
        this.json = json;
    }

    /** @param entity kind:id, e.g. {@code grant:…}; @param details anything JSON-serialisable, or null */
    public Uni<Void> record(String actor, String action, String entity, Object details) {
        AuditRecord a = new AuditRecord();
        a.at = Instant.now();
        a.actor = actor;
        a.action = action;
        a.entity = entity;
        a.detailsJson = details == null ? null : json.write(details);
        return a.persist().replaceWithVoid();
    }

    public record Entry(long id, Instant at, String actor, String action, String entity, Object details) {}

    /** For the REST edge: an entity's history in a session of its own. */
    public Uni<List<Entry>> history(String entity) {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> of(entity));
    }

    /** An entity's history, oldest first. */
    public Uni<List<Entry>> of(String entity) {
        return AuditRecord.<AuditRecord>list("entity = ?1 order by id", entity).map(rows -> rows.stream()
                .map(a -> new Entry(a.id, a.at, a.actor, a.action, a.entity,
                        a.detailsJson == null ? null : json.read(a.detailsJson, Object.class))).toList());
    }
}
