package io.synod.treasury.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's review of an application against the committee's rubric; one per member, revisable. */
@Entity
@Table(name = "review", indexes = @Index(name = "review_application_idx", columnList = "applicationId"))
public class ReviewRecord extends PanacheEntityBase {
    /** applicationId:reviewer */
    @Id
    @Column(length = 240)
    public String id;
    @Column(nullable = false, length = 36)
    public String applicationId;
    @Column(nullable = false, length = 200)
    public String reviewer;
    @Column(nullable = false, columnDefinition = "text")
    public String scoresJson;
    public int scoreBps;
    @Column(length = 5000)
    public String comment;
    @Column(nullable = false)
    public Instant at;
}
