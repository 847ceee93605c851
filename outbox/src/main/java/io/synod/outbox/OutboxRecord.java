package io.synod.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A fact committed with the state change it describes, waiting to be sent. */
@Entity
@Table(name = "outbox")
public class OutboxRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The CloudEvent id: consumers that keep processed ids use it. */
    @Column(nullable = false, length = 64)
    public String eventId;

    @Column(nullable = false, length = 128)
    public String topic;

    @Column(name = "record_key", nullable = false, length = 128)
    public String key;

    @Column(nullable = false, length = 128)
    public String type;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(nullable = false)
    public Instant createdAt;

    /** W3C traceparent of the span that wrote the fact: the send continues its trace; null when not traced. */
    @Column(length = 55)
    public String traceparent;
}
