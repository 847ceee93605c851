package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who did what to which treasury object, and when. Written in the same transaction as the change. */
@Entity
@Table(name = "audit_log", indexes = @Index(name = "audit_entity_idx", columnList = "entity, id"))
public class AuditRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public Instant at;
    /** A bearer token's subject, a grantee's address, or {@code system:<what>} for event-driven changes. */
    @Column(nullable = false, length = 200)
    public String actor;
    @Column(nullable = false, length = 48)
    public String action;
    /** kind:id, e.g. grant:…, application:…, envelope:… */
    @Column(nullable = false, length = 120)
    public String entity;
    @Column(columnDefinition = "text")
    public String detailsJson;
}
